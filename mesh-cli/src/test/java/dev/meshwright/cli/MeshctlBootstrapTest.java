package dev.meshwright.cli;

import static dev.meshwright.cli.MeshctlValidateTest.meshctl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshwright.cli.MeshctlValidateTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshctlBootstrapTest {
  private static final String NODE = "sidecar~10.4.0.9~web-7c9d.shop~shop.svc.cluster.local";

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  @DisplayName("x bootstrap prints the agent's bootstrap for a ProxyConfig over Istio's defaults")
  void proxyConfig() throws IOException {
    Path pc = write("proxy.yaml", "discoveryAddress: istiod.istio-system.svc:15012\n"
        + "tracing: {zipkin: {address: zipkin.tracing:9411}}\n");
    Run r = meshctl("", "x", "bootstrap", "--proxy-config", pc.toString(), "--node-id", NODE,
        "--meta", "CLUSTER_ID=east", "--env", "POD_NAMESPACE=shop", "--env", "ISTIO_METAJSON_LABELS={\"app\":\"web\"}");

    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    JsonNode b = new ObjectMapper().readTree(r.out());
    assertThat(b.at("/node/id").asText()).isEqualTo(NODE);
    assertThat(b.at("/node/cluster").asText()).isEqualTo("web.shop");
    assertThat(b.at("/node/metadata/CLUSTER_ID").asText()).isEqualTo("east");
    assertThat(b.at("/node/metadata/INSTANCE_IPS").asText()).isEqualTo("10.4.0.9");
    assertThat(b.at("/admin/address/socket_address/port_value").asInt()).isEqualTo(15000);
    assertThat(b.at("/tracing/http/name").asText()).isEqualTo("envoy.tracers.zipkin");
    assertThat(b.at("/static_resources/clusters/3/load_assignment/endpoints/0/lb_endpoints/0/endpoint/address/pipe/path")
        .asText()).isEqualTo("./etc/istio/proxy/XDS");
  }

  @Test
  @DisplayName("x bootstrap takes a mesh config's defaultConfig and prints YAML with -o yaml")
  void meshConfigYaml() throws IOException {
    Path mesh = write("mesh.yaml", "defaultConfig:\n  proxyAdminPort: 15999\n");
    Run r = meshctl("", "x", "bootstrap", "--proxy-config", mesh.toString(), "--node-id", NODE, "-o", "yaml");

    assertThat(r.code()).isZero();
    JsonNode b = new YAMLMapper().readTree(r.out());
    assertThat(b.at("/admin/address/socket_address/port_value").asInt()).isEqualTo(15999);
  }

  @Test
  @DisplayName("bad input exits 1 with error: FILE: lines")
  void badInput() throws IOException {
    Path pc = write("bad.yaml", "statsdUdpAddress: no-port-here\n");
    Run r = meshctl("", "x", "bootstrap", "--proxy-config", pc.toString(), "--node-id", NODE);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("error: " + pc + ": unable to parse statsd address \"no-port-here\"");

    Path unknown = write("unknown.yaml", "noSuchField: 1\n");
    Run u = meshctl("", "x", "bootstrap", "--proxy-config", unknown.toString(), "--node-id", NODE);
    assertThat(u.code()).isEqualTo(1);
    assertThat(u.err()).startsWith("error: " + unknown);

    Run missing = meshctl("", "x", "bootstrap", "--proxy-config", dir.resolve("nope.yaml").toString(),
        "--node-id", NODE);
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).startsWith("error: " + dir.resolve("nope.yaml") + ": cannot read file");
  }
}
