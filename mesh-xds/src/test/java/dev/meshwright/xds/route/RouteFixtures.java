package dev.meshwright.xds.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.MeshResource;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import dev.meshwright.model.config.ConfigView;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.registry.RegistryOptions;
import dev.meshwright.model.registry.ServicePort;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.api.validation.Protocol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared inputs of the route tests: domain suffix {@code corp.example}, namespaces {@code shop} and {@code ops}. */
final class RouteFixtures {
  private RouteFixtures() {}

  static final String SUFFIX = "corp.example";
  static final MeshConfig MESH = MeshConfigs.defaults();

  static VirtualService vs(String yaml) {
    ReadResult r = MeshYaml.read("vs.yaml", yaml);
    assertThat(r.diagnostics()).isEmpty();
    return (VirtualService) r.resources().get(0);
  }

  static Proxy proxy(String ns, Map<String, String> labels) {
    return NodeIds.parse("sidecar~10.9.0.1~app-1." + ns + "~" + ns + ".svc." + SUFFIX,
        Map.of("LABELS", labels)).orThrow();
  }

  static Proxy grpcProxy(String ns) {
    return NodeIds.parse("sidecar~10.9.0.2~client-1." + ns + "~" + ns + ".svc." + SUFFIX,
        Map.of("GENERATOR", "grpc")).orThrow();
  }

  static MeshService service(String name, String ns, String vip, int... ports) {
    List<ServicePort> ps = java.util.Arrays.stream(ports)
        .mapToObj(p -> new ServicePort("http-" + p, p, p, Protocol.HTTP)).toList();
    return new MeshService(name + "." + ns + ".svc." + SUFFIX, ns, name, MeshService.Origin.KUBERNETES,
        List.of(vip), ps, MeshService.Resolution.CLIENT_SIDE_LB, MeshService.Location.MESH_INTERNAL, Set.of(),
        Map.of(), Map.of(), "");
  }

  static Map<String, MeshService> byHost(MeshService... services) {
    Map<String, MeshService> out = new LinkedHashMap<>();
    for (MeshService s : services) {
      out.put(s.hostname(), s);
    }
    return out;
  }

  static RouteContext sidecar(Proxy proxy, int port, MeshService... services) {
    return RouteContext.sidecar(proxy, port, byHost(services), MESH, SUFFIX);
  }

  static MeshSnapshot snapshot(String yaml, MeshConfig mesh) {
    List<MeshResource> resources = MeshYaml.read("in.yaml", yaml).resources();
    return MeshTranslator.create(new RegistryOptions(SUFFIX, SUFFIX, "Kubernetes"))
        .translate(ConfigView.of(resources), mesh);
  }

  static ProxyContext context(MeshSnapshot s, Proxy p) {
    return ProxyContext.of(s, p, XdsOptions.defaults().withDomainSuffix(SUFFIX));
  }

  /** The sidecar route configuration {@code name} for a proxy in {@code shop}. */
  static io.envoyproxy.envoy.config.route.v3.RouteConfiguration sidecarRoute(MeshSnapshot s, String name) {
    return (io.envoyproxy.envoy.config.route.v3.RouteConfiguration) new RouteGenerator()
        .generate(context(s, proxy("shop", Map.of())), Set.of(name)).resources().get(0).message();
  }
}
