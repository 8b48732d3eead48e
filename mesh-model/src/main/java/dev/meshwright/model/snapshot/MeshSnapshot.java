package dev.meshwright.model.snapshot;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.networking.DestinationRule;
import dev.meshwright.api.networking.EnvoyFilter;
import dev.meshwright.api.networking.Gateway;
import dev.meshwright.api.networking.ServiceEntry;
import dev.meshwright.api.networking.Sidecar;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.api.networking.WorkloadEntry;
import dev.meshwright.api.security.AuthorizationPolicy;
import dev.meshwright.api.security.PeerAuthentication;
import dev.meshwright.api.security.RequestAuthentication;
import dev.meshwright.api.telemetry.Telemetry;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.registry.ServiceRegistry;
import dev.meshwright.model.registry.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The mesh as every xDS generator sees it, built once per change by {@link MeshTranslator}: the mesh config
 * and root namespace, the service registry, VirtualServices by gateway and host, DestinationRules merged per
 * host, Gateways, the TLS Secrets gateways load, the Sidecar and security policies of every workload, the
 * EnvoyFilters and the Telemetry resources. Resources that fail validation are left out and listed in
 * {@link #diagnostics()}. Immutable and thread-safe; {@link SnapshotYaml} writes it as YAML.
 */
public final class MeshSnapshot {
  private final long version;
  private final MeshConfig meshConfig;
  private final ServiceRegistry registry;
  private final VirtualServiceIndex virtualServices;
  private final DestinationRuleIndex destinationRules;
  private final GatewayIndex gateways;
  private final TlsSecrets secrets;
  private final PolicyIndex policies;
  private final EnvoyFilterIndex envoyFilters;
  private final TelemetryIndex telemetries;
  private final List<WorkloadPolicies> workloads;
  private final Map<String, WorkloadPolicies> workloadsById;
  private final Inputs inputs;
  private final List<Diagnostic> diagnostics;

  /** The validated inputs a snapshot was built from, kept so that the next build can reuse them. */
  record Inputs(Validated<VirtualService> virtualServices, Validated<DestinationRule> destinationRules,
      Validated<Sidecar> sidecars, Validated<PeerAuthentication> peerAuthentications,
      Validated<RequestAuthentication> requestAuthentications, Validated<AuthorizationPolicy> authorizationPolicies,
      Validated<ServiceEntry> serviceEntries, Validated<WorkloadEntry> workloadEntries,
      Validated<Gateway> gateways, Validated<EnvoyFilter> envoyFilters, Validated<Telemetry> telemetries) {
    static Inputs none() {
      return new Inputs(Validated.none(), Validated.none(), Validated.none(), Validated.none(), Validated.none(),
          Validated.none(), Validated.none(), Validated.none(), Validated.none(), Validated.none(), Validated.none());
    }

    List<Diagnostic> diagnostics() {
      List<Diagnostic> out = new ArrayList<>();
      for (Validated<?> v : List.of(virtualServices, destinationRules, sidecars, peerAuthentications,
          requestAuthentications, authorizationPolicies, serviceEntries, workloadEntries, gateways, envoyFilters,
          telemetries)) {
        out.addAll(v.diagnostics());
      }
      return out;
    }
  }

  MeshSnapshot(long version, MeshConfig meshConfig, ServiceRegistry registry, VirtualServiceIndex virtualServices,
      DestinationRuleIndex destinationRules, GatewayIndex gateways, TlsSecrets secrets, PolicyIndex policies,
      EnvoyFilterIndex envoyFilters, TelemetryIndex telemetries, List<WorkloadPolicies> workloads, Inputs inputs,
      MeshSnapshot sameWorkloads) {
    this.version = version;
    this.meshConfig = meshConfig;
    this.registry = registry;
    this.virtualServices = virtualServices;
    this.destinationRules = destinationRules;
    this.gateways = gateways;
    this.secrets = secrets;
    this.policies = policies;
    this.envoyFilters = envoyFilters;
    this.telemetries = telemetries;
    if (sameWorkloads != null) {
      this.workloads = sameWorkloads.workloads;
      this.workloadsById = sameWorkloads.workloadsById;
    } else {
      this.workloads = List.copyOf(workloads);
      Map<String, WorkloadPolicies> byId = new java.util.HashMap<>();
      workloads.forEach(w -> byId.put(w.workload(), w));
      this.workloadsById = Map.copyOf(byId);
    }
    this.inputs = inputs;
    List<Diagnostic> diags = new ArrayList<>(inputs.diagnostics());
    diags.addAll(registry.diagnostics());
    diags.addAll(secrets.diagnostics());
    this.diagnostics = List.copyOf(diags);
  }

  /** The version of the config view this snapshot was built from. */
  public long version() {
    return version;
  }

  /** The effective mesh config. */
  public MeshConfig meshConfig() {
    return meshConfig;
  }

  /** The config root namespace: the mesh config's {@code rootNamespace}, default {@code istio-system}. */
  public String rootNamespace() {
    return rootNamespace(meshConfig);
  }

  static String rootNamespace(MeshConfig mesh) {
    return mesh.rootNamespace().filter(s -> !s.isEmpty()).orElse("istio-system");
  }

  /** The service registry the snapshot was built with. */
  public ServiceRegistry registry() {
    return registry;
  }

  /** The services a proxy in {@code namespace} can see (their exportTo, else the mesh default). */
  public List<MeshService> servicesVisibleTo(String namespace) {
    Set<String> defaults = Visibility.orDefault(List.of(), meshConfig.defaultServiceExportTo());
    return registry.services().stream().filter(s -> s.visibleTo(namespace, defaults)).toList();
  }

  /** VirtualServices by gateway and host. */
  public VirtualServiceIndex virtualServices() {
    return virtualServices;
  }

  /** Merged DestinationRules. */
  public DestinationRuleIndex destinationRules() {
    return destinationRules;
  }

  /**
   * The merged DestinationRules a proxy in {@code proxyNamespace} applies to {@code hostname}; the service's
   * namespace is looked up in the registry (the first one visible to the proxy).
   */
  public List<MergedDestinationRule> destinationRules(String proxyNamespace, String hostname) {
    Set<String> defaults = Visibility.orDefault(List.of(), meshConfig.defaultServiceExportTo());
    String svcNs = registry.services(hostname).stream().filter(s -> s.visibleTo(proxyNamespace, defaults))
        .map(MeshService::namespace).findFirst().orElse("");
    return destinationRules.lookup(proxyNamespace, hostname, svcNs);
  }

  /** networking.istio.io Gateways, and which of them configure a gateway proxy. */
  public GatewayIndex gateways() {
    return gateways;
  }

  /** The Kubernetes TLS Secrets gateways load by {@code credentialName}. */
  public TlsSecrets secrets() {
    return secrets;
  }

  /** Sidecar and policy selection for any workload, by namespace and labels. */
  public PolicyIndex policies() {
    return policies;
  }

  /** Telemetry selection for any workload, by namespace and labels. */
  public TelemetryIndex telemetries() {
    return telemetries;
  }

  /** EnvoyFilter selection for any workload, by namespace and labels. */
  public EnvoyFilterIndex envoyFilters() {
    return envoyFilters;
  }

  /** The Sidecar and policies of every workload in the registry, sorted like the registry's workloads. */
  public List<WorkloadPolicies> workloads() {
    return workloads;
  }

  /** The Sidecar and policies of one workload, {@code Kind ns/name}. */
  public Optional<WorkloadPolicies> workload(String id) {
    return Optional.ofNullable(workloadsById.get(id));
  }

  /** Problems found on the way: invalid resources (left out) and unusable registry input. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  Inputs inputs() {
    return inputs;
  }

  @Override
  public String toString() {
    return "MeshSnapshot{version=" + version + ", services=" + registry.services().size() + ", virtualServices="
        + virtualServices.all().size() + ", workloads=" + workloads.size() + "}";
  }
}
