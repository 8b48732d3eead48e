package dev.meshwright.model.analysis.analyzers;

import dev.meshwright.api.ResourceKind;
import dev.meshwright.api.kinds.IstioKinds;
import dev.meshwright.model.analysis.Analyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry of Istio 1.22.8's analyzers, in Istio's order: {@link #all()} is what {@code istioctl analyze}
 * runs by default, {@link #byName} finds any analyzer (including ones outside the default set) by its metadata
 * name. Stateless; the analyzers it returns are stateless too.
 */
public final class Analyzers {
  private Analyzers() {}

  /** Every analyzer {@code istioctl analyze} runs by default, schema validation last. */
  public static List<Analyzer> all() {
    List<Analyzer> out = new ArrayList<>(List.of(
        new K8sAnnotationAnalyzer(),
        new AuthorizationPoliciesAnalyzer(),
        new MultiServiceAnalyzer(),
        new ApplicationUidAnalyzer(),
        new DeprecationAnalyzer(),
        new ExternalControlPlaneAnalyzer(),
        new IngressGatewayPortAnalyzer(),
        new CertificateAnalyzer(),
        new GatewaySecretAnalyzer(),
        new ConflictingGatewayAnalyzer(),
        new InjectionAnalyzer(),
        new ImageAnalyzer(),
        new ImageAutoAnalyzer(),
        new K8sGatewaySelectorAnalyzer(),
        new MeshNetworksAnalyzer(),
        new PortNameAnalyzer(),
        new SidecarSelectorAnalyzer(),
        new ConflictingMeshGatewayHostsAnalyzer(),
        new DestinationHostAnalyzer(),
        new DestinationRuleAnalyzer(),
        new VirtualServiceGatewayAnalyzer(),
        new JwtClaimRouteAnalyzer(),
        new RegexAnalyzer(),
        new CaCertificateAnalyzer(),
        new ServiceEntryAnalyzer(),
        new WebhookAnalyzer(),
        new EnvoyPatchAnalyzer(),
        new TelemetryProviderAnalyzer(),
        new TelemetrySelectorAnalyzer(),
        new TelemetryDefaultSelectorAnalyzer(),
        new LightstepAnalyzer(),
        new MultiClusterServiceAnalyzer()));
    for (ResourceKind<?, ?> kind : IstioKinds.ALL) {
      if (!kind.group().equals("install.istio.io")) {
        out.add(new SchemaValidationAnalyzer(kind));
      }
    }
    return List.copyOf(out);
  }

  /** The analyzer with that metadata name, whether or not it is in the default set. */
  public static Optional<Analyzer> byName(String name) {
    List<Analyzer> every = new ArrayList<>(all());
    every.add(new AlphaAnnotationAnalyzer());
    for (Analyzer a : every) {
      if (a.metadata().name().equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
