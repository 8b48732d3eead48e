package dev.meshwright.examples.canary;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.networking.Destination;
import dev.meshwright.api.networking.DestinationRule;
import dev.meshwright.api.networking.DestinationRuleSpec;
import dev.meshwright.api.networking.HTTPRoute;
import dev.meshwright.api.networking.HTTPRouteDestination;
import dev.meshwright.api.networking.Subset;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.api.networking.VirtualServiceSpec;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.examples.LocalCluster;
import dev.meshwright.fabric8.kube.MeshClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A canary release in code: a VirtualService sending 90% of {@code reviews} traffic to subset {@code v1} and
 * 10% to {@code v2}, and the DestinationRule defining both subsets, built with mesh-api's typed builders,
 * checked with Istio 1.22's validation ({@link MeshValidator}), printed as YAML ({@link MeshYaml}) and applied
 * to a cluster with mesh-fabric8's typed CRUD ({@link MeshClient}) over a fabric8 {@link KubernetesClient}.
 *
 * <p>Nothing is applied when validation finds an error. Run it with
 * {@code ./mvnw -q -pl examples exec:java -Dexec.mainClass=dev.meshwright.examples.canary.CanaryRelease}.
 */
public final class CanaryRelease {
  /** The namespace the example writes to. */
  public static final String NAMESPACE = "shop";
  /** The service being released. */
  public static final String HOST = "reviews.shop.svc.cluster.local";

  private CanaryRelease() {}

  /**
   * What {@link #run} did.
   *
   * @param problems Istio's validation findings (errors stop the apply)
   * @param yaml the two resources as multi-document YAML
   * @param stored what the cluster returned when read back after the apply; empty when not applied
   */
  public record Outcome(List<Diagnostic> problems, String yaml, List<IstioResource<?>> stored) {}

  /** The canary route: {@code 100 - canaryPercent} to v1, {@code canaryPercent} to v2. */
  public static VirtualService virtualService(int canaryPercent) {
    return VirtualService.builder()
        .metadata(ObjectMeta.of("reviews", NAMESPACE))
        .spec(VirtualServiceSpec.builder()
            .addHost(HOST)
            .addHttp(HTTPRoute.builder()
                .name("canary")
                .addRoute(HTTPRouteDestination.to(Destination.of(HOST, "v1"), 100 - canaryPercent))
                .addRoute(HTTPRouteDestination.to(Destination.of(HOST, "v2"), canaryPercent))
                .build())
            .build())
        .build();
  }

  /** The subsets the route names: pods labelled {@code version: v1} and {@code version: v2}. */
  public static DestinationRule destinationRule() {
    return DestinationRule.builder()
        .metadata(ObjectMeta.of("reviews", NAMESPACE))
        .spec(DestinationRuleSpec.builder()
            .host(HOST)
            .addSubset(Subset.builder().name("v1").putLabel("version", "v1").build())
            .addSubset(Subset.builder().name("v2").putLabel("version", "v2").build())
            .build())
        .build();
  }

  /** Validates, prints and applies {@code resources} to {@code kube}, then reads them back. */
  public static Outcome run(List<IstioResource<?>> resources, KubernetesClient kube, PrintStream out) {
    MeshValidator validator = MeshValidator.create();
    List<Diagnostic> problems = new ArrayList<>();
    resources.forEach(r -> problems.addAll(validator.validate(r)));
    problems.forEach(d -> out.println(d.format()));

    String yaml = MeshYaml.standard().writeYaml(resources);
    out.print(yaml);
    if (problems.stream().anyMatch(Diagnostic::isError)) {
      out.println("not applied: fix the errors above");
      return new Outcome(problems, yaml, List.of());
    }

    MeshClient mesh = MeshClient.of(kube);
    List<IstioResource<?>> stored = new ArrayList<>();
    for (IstioResource<?> resource : resources) {
      mesh.apply(resource);                              // create, or replace what is there
      mesh.get(resource.resourceKind(), NAMESPACE, resource.name()).ifPresent(stored::add);
      out.println("applied " + resource.kind() + " " + NAMESPACE + "/" + resource.name());
    }
    return new Outcome(problems, yaml, stored);
  }

  /** Runs the example against a throwaway API server on loopback; exits 1 if validation fails. */
  public static void main(String[] args) {
    try (LocalCluster cluster = LocalCluster.start()) {
      Outcome outcome = run(List.of(virtualService(10), destinationRule()), cluster.client(), System.out);
      if (outcome.stored().isEmpty()) {
        System.exit(1);
      }
    }
  }
}
