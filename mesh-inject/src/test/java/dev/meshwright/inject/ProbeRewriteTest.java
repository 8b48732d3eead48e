package dev.meshwright.inject;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.json.MeshJackson;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProbeRewriteTest {
  private static ObjectNode pod(String yaml) throws IOException {
    return (ObjectNode) MeshJackson.yaml().readTree(yaml);
  }

  private static final String POD = """
      metadata: {name: p}
      spec:
        containers:
        - name: app
          ports: [{name: http, containerPort: 8080}]
          readinessProbe: {httpGet: {path: /ready, port: http, scheme: HTTPS}, timeoutSeconds: 2}
          livenessProbe: {tcpSocket: {port: 9000}}
          startupProbe: {grpc: {port: 7000}}
        - name: istio-proxy
          readinessProbe: {httpGet: {path: /healthz/ready, port: 15021}}
      """;

  @Test
  @DisplayName("HTTP, TCP and gRPC probes go to /app-health/<container>/<kind> on the status port")
  void rewritesProbes() throws IOException {
    ObjectNode pod = pod(POD);
    ObjectNode proxy = (ObjectNode) pod.at("/spec/containers/1");
    ProbeRewrite.apply(pod, proxy, 15020, false);
    JsonNode app = pod.at("/spec/containers/0");
    assertThat(app.at("/readinessProbe/httpGet").toString())
        .isEqualTo("{\"path\":\"/app-health/app/readyz\",\"port\":15020,\"scheme\":\"HTTP\"}");
    assertThat(app.at("/livenessProbe").toString())
        .isEqualTo("{\"httpGet\":{\"path\":\"/app-health/app/livez\",\"port\":15020}}");
    assertThat(app.at("/startupProbe").toString())
        .isEqualTo("{\"httpGet\":{\"path\":\"/app-health/app/startupz\",\"port\":15020}}");
    assertThat(proxy.at("/readinessProbe/httpGet/port").asInt()).as("the proxy's own probe stays").isEqualTo(15021);
    JsonNode probers = MeshJackson.json().readTree(Json.named(proxy.get("env"), ProbeRewrite.ENV).orElseThrow()
        .get("value").asText());
    assertThat(probers.at("/~1app-health~1app~1readyz").toString())
        .as("named port resolved, scheme and timeout kept")
        .isEqualTo("{\"httpGet\":{\"path\":\"/ready\",\"port\":8080,\"scheme\":\"HTTPS\"},\"timeoutSeconds\":2}");
    assertThat(probers.at("/~1app-health~1app~1livez").toString()).isEqualTo("{\"tcpSocket\":{\"port\":9000}}");
    assertThat(probers.at("/~1app-health~1app~1startupz").toString()).isEqualTo("{\"grpc\":{\"port\":7000}}");
  }

  @Test
  @DisplayName("a probe already on the status port is rewritten but not recorded; an unknown named port is dropped")
  void statusPortAndUnknownNamedPort() throws IOException {
    ObjectNode pod = pod("""
        spec:
          containers:
          - name: app
            readinessProbe: {httpGet: {path: /r, port: 15020}}
            livenessProbe: {httpGet: {path: /l, port: nope}}
        """);
    assertThat(ProbeRewrite.dump(pod, 15020)).isEmpty();
  }

  @Test
  @DisplayName("the pod annotation turns the rewrite off or on over the values setting")
  void annotationWins() {
    assertThat(ProbeRewrite.enabled(Map.of(ProbeRewrite.ANNOTATION, "false"), true)).isFalse();
    assertThat(ProbeRewrite.enabled(Map.of(ProbeRewrite.ANNOTATION, "true"), false)).isTrue();
    assertThat(ProbeRewrite.enabled(Map.of(ProbeRewrite.ANNOTATION, "maybe"), true)).isTrue();
    assertThat(ProbeRewrite.enabled(Map.of(), false)).isFalse();
  }

  @Test
  @DisplayName("on re-injection the previous probers are merged into the new ones")
  void mergesOnReinjection() throws IOException {
    ObjectNode pod = pod(POD);
    ObjectNode proxy = (ObjectNode) pod.at("/spec/containers/1");
    proxy.putArray("env").add(Json.env(ProbeRewrite.ENV, "{\"/app-health/old/readyz\":{\"httpGet\":{\"port\":1}}}"));
    ProbeRewrite.apply(pod, proxy, 15020, true);
    assertThat(proxy.get("env")).hasSize(1);
    JsonNode merged = MeshJackson.json().readTree(proxy.at("/env/0/value").asText());
    assertThat(merged.has("/app-health/old/readyz")).isTrue();
    assertThat(merged.has("/app-health/app/readyz")).isTrue();
  }
}
