package dev.meshwright.xds.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.MeshResource;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigView;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.registry.ServicePort;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.testing.Corpus;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.XdsResource;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Smoke runs of the sidecar RDS over the xds-bench workloads (no goldens exist upstream). */
class RouteBenchCorpusTest {
  @ParameterizedTest
  @ValueSource(strings = {"http", "auto", "tcp", "tls", "strict", "disabled", "externalname", "telemetry-api",
      "virtualservice", "serviceentry-workloadentry", "authorizationpolicy"})
  @DisplayName("every xds-bench sidecar workload yields route configurations for its HTTP and sniffed ports that "
      + "parse back, and every port route holds a virtual host besides the catch-all")
  void smoke(String config) throws Exception {
    Path file = Corpus.require("xds-bench/rendered").resolve(config + ".services-1.instances-1.yaml");
    List<MeshResource> resources = MeshYaml.read(file.toString(), Files.readString(file)).resources();
    MeshSnapshot s = MeshTranslator.create().translate(ConfigView.of(resources), MeshConfigs.defaults());
    Proxy proxy = NodeIds.parse("sidecar~1.1.1.1~v0.default~default.example.org", Map.of("NAMESPACE", "default",
        "LABELS", Map.of("istio.io/benchmark", "true"), "ISTIO_VERSION", "1.22.0")).orThrow();
    ProxyContext ctx = ProxyContext.of(s, proxy, XdsOptions.defaults());
    Set<String> names = new TreeSet<>();
    for (MeshService svc : ctx.scope().services()) {
      for (ServicePort p : svc.ports()) {
        if (p.autoDetect()) {
          names.add(svc.hostname() + ":" + p.port());
        } else if (p.protocol().isHttp()) {
          names.add(Integer.toString(p.port()));
        }
      }
    }
    ctx.serviceInstances().forEach(i -> i.service().ports().forEach(p -> names.add(
        "inbound|" + i.endpoint().ports().getOrDefault(p.name(), p.targetPort()) + "||")));
    ResourceGenerator.Output out = new RouteGenerator().generate(ctx, names);
    assertThat(out.resources()).extracting(XdsResource::name).containsExactlyElementsOf(names);
    for (XdsResource r : out.resources()) {
      RouteConfiguration rc = RouteConfiguration.parseFrom(r.message().toByteString());
      assertThat(rc).isEqualTo(r.message());
      if (!r.name().startsWith("inbound|") && !r.name().contains(":")) {
        assertThat(rc.getVirtualHostsList()).as(r.name()).hasSizeGreaterThan(1);
      }
    }
  }
}
