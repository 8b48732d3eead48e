package dev.meshwright.model.snapshot;

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
import dev.meshwright.model.config.ConfigEvent;
import dev.meshwright.model.config.ConfigKey;
import dev.meshwright.model.config.ConfigKey.KindId;
import dev.meshwright.model.config.ConfigView;
import dev.meshwright.model.registry.RegistryOptions;
import dev.meshwright.model.registry.ServiceRegistry;
import dev.meshwright.model.registry.Workload;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds {@link MeshSnapshot}s: validates the Istio resources the snapshot uses (invalid ones are left out
 * with a diagnostic), builds or takes the service registry, and indexes VirtualServices, DestinationRules,
 * Gateways, Sidecars, security policies and EnvoyFilters with Istio's rules, and the TLS Secrets gateways load.
 *
 * <p>{@link #update} rebuilds only what a batch of changes touches: a VirtualService change re-validates that
 * one resource and re-indexes VirtualServices, reusing the registry, DestinationRules and workload policies of
 * the previous snapshot. The result always equals a full build of the same view.
 *
 * <p>Stateless apart from its options; thread-safe. Never throws for bad input.
 */
public final class MeshTranslator {
  private final RegistryOptions options;

  private MeshTranslator(RegistryOptions options) {
    this.options = Objects.requireNonNull(options);
  }

  /** A translator for a cluster with these options. */
  public static MeshTranslator create(RegistryOptions options) {
    return new MeshTranslator(options);
  }

  /** A translator with Istio's default domain suffix and trust domain. */
  public static MeshTranslator create() {
    return new MeshTranslator(RegistryOptions.defaults());
  }

  /** A full build; the registry is built from {@code view} without ServiceEntries and WorkloadEntries that fail validation. */
  public MeshSnapshot translate(ConfigView view, MeshConfig mesh) {
    return build(null, view, null, mesh, null);
  }

  /** A full build over a registry the caller already has. */
  public MeshSnapshot translate(ConfigView view, ServiceRegistry registry, MeshConfig mesh) {
    return build(null, view, Objects.requireNonNull(registry), mesh, null);
  }

  /**
   * The snapshot of {@code view}, reusing whatever of {@code previous} {@code events} (the changes between the
   * two views) did not touch. A different mesh config rebuilds everything but reuses validation verdicts.
   */
  public MeshSnapshot update(MeshSnapshot previous, ConfigView view, MeshConfig mesh, Collection<ConfigEvent> events) {
    Set<KindId> changed = new HashSet<>();
    events.forEach(e -> changed.add(e.key().kindId()));
    return build(previous, view, null, mesh, previous.meshConfig().equals(mesh) ? changed : null);
  }

  /** {@code changed} null means: everything may have changed. */
  private MeshSnapshot build(MeshSnapshot previous, ConfigView view, ServiceRegistry givenRegistry, MeshConfig mesh,
      Set<KindId> changed) {
    MeshSnapshot.Inputs old = previous == null ? MeshSnapshot.Inputs.none() : previous.inputs();
    MeshSnapshot.Inputs in = new MeshSnapshot.Inputs(
        revalidate(VirtualService.KIND, view, old.virtualServices(), changed),
        revalidate(DestinationRule.KIND, view, old.destinationRules(), changed),
        revalidate(Sidecar.KIND, view, old.sidecars(), changed),
        revalidate(PeerAuthentication.KIND, view, old.peerAuthentications(), changed),
        revalidate(RequestAuthentication.KIND, view, old.requestAuthentications(), changed),
        revalidate(AuthorizationPolicy.KIND, view, old.authorizationPolicies(), changed),
        revalidate(ServiceEntry.KIND, view, old.serviceEntries(), changed),
        revalidate(WorkloadEntry.KIND, view, old.workloadEntries(), changed),
        revalidate(Gateway.KIND, view, old.gateways(), changed),
        revalidate(EnvoyFilter.KIND, view, old.envoyFilters(), changed),
        revalidate(Telemetry.KIND, view, old.telemetries(), changed));
    String root = MeshSnapshot.rootNamespace(mesh);

    ServiceRegistry registry;
    boolean registryChanged;
    if (givenRegistry != null) {
      registry = givenRegistry;
      registryChanged = true;
    } else if (changed != null && changed.stream().noneMatch(ServiceRegistry::isInput)) {
      registry = previous.registry();
      registryChanged = false;
    } else {
      List<ConfigKey> rejected = new ArrayList<>(in.serviceEntries().rejected());
      rejected.addAll(in.workloadEntries().rejected());
      registry = ServiceRegistry.build(view.without(rejected), options,
          previous == null ? null : previous.registry());
      registryChanged = true;
    }

    VirtualServiceIndex vs = touched(changed, VirtualService.KIND.kind())
        ? VirtualServiceIndex.build(in.virtualServices().valid(), mesh.defaultVirtualServiceExportTo(),
            options.domainSuffix(), previous == null || changed == null ? null : previous.virtualServices())
        : previous.virtualServices();
    DestinationRuleIndex dr = touched(changed, DestinationRule.KIND.kind())
        ? DestinationRuleIndex.build(in.destinationRules().valid(), mesh.defaultDestinationRuleExportTo(), root,
            options.domainSuffix())
        : previous.destinationRules();
    GatewayIndex gateways = touched(changed, Gateway.KIND.kind())
        ? GatewayIndex.build(in.gateways().valid())
        : previous.gateways();
    TlsSecrets secrets = changed == null || changed.contains(TlsSecrets.SECRET)
        ? TlsSecrets.build(view)
        : previous.secrets();
    boolean policiesChanged = touched(changed, Sidecar.KIND.kind()) || touched(changed, PeerAuthentication.KIND.kind())
        || touched(changed, RequestAuthentication.KIND.kind()) || touched(changed, AuthorizationPolicy.KIND.kind());
    PolicyIndex policies = policiesChanged
        ? PolicyIndex.build(root, in.sidecars().valid(), in.peerAuthentications().valid(),
            in.requestAuthentications().valid(), in.authorizationPolicies().valid())
        : previous.policies();
    EnvoyFilterIndex envoyFilters = touched(changed, EnvoyFilter.KIND.kind())
        ? EnvoyFilterIndex.build(root, in.envoyFilters().valid())
        : previous.envoyFilters();
    TelemetryIndex telemetries = touched(changed, Telemetry.KIND.kind())
        ? TelemetryIndex.build(root, in.telemetries().valid())
        : previous.telemetries();
    List<WorkloadPolicies> workloads;
    if (!policiesChanged && registryChanged && previous != null
        && registry.workloads() == previous.registry().workloads()) {
      workloads = previous.workloads(); // the registry kept its workloads: so do their policies
    } else if (policiesChanged || registryChanged) {
      workloads = new ArrayList<>(registry.workloads().size());
      for (Workload w : registry.workloads()) {
        workloads.add(policies.forWorkload(w));
      }
    } else {
      workloads = previous.workloads();
    }
    return new MeshSnapshot(view.version(), mesh, registry, vs, dr, gateways, secrets, policies, envoyFilters,
        telemetries, workloads, in,
        previous != null && workloads == previous.workloads() ? previous : null);
  }

  private static boolean touched(Set<KindId> changed, String kind) {
    return changed == null || changed.stream().anyMatch(k -> k.group().endsWith("istio.io") && k.kind().equals(kind));
  }

  private static <R extends dev.meshwright.api.IstioResource<?>> Validated<R> revalidate(
      dev.meshwright.api.ResourceKind<R, ?> kind, ConfigView view, Validated<R> previous, Set<KindId> changed) {
    if (changed != null && !changed.contains(KindId.of(kind))) {
      return previous;
    }
    return Validated.of(kind, view, previous);
  }
}
