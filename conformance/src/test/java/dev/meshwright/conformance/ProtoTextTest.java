package dev.meshwright.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProtoTextTest {
  @Test
  @DisplayName("text format reads into proto3 JSON: camelCase names, durations, wrappers, maps, repeated fields")
  void shapes() {
    ObjectNode tree = ProtoText.parse("""
        # a comment
        config_path: "/etc/istio/proxy"   drain_duration: {seconds: 1 nanos: 500000000}
        proxy_admin_port: 15000
        runtime_values: [{ key: "a" value: "true" }, { key: "b" value: "" }]
        extra_stat_tags: "x"
        extra_stat_tags: "y"
        tracing { stackdriver { debug: true, max_number_of_annotations: {value: 7} } }
        """);

    assertThat(tree.toString()).isEqualTo("{\"configPath\":\"/etc/istio/proxy\",\"drainDuration\":\"1.5s\","
        + "\"proxyAdminPort\":15000,\"runtimeValues\":{\"a\":\"true\",\"b\":\"\"},\"extraStatTags\":[\"x\",\"y\"],"
        + "\"tracing\":{\"stackdriver\":{\"debug\":true,\"maxNumberOfAnnotations\":7}}}");
  }

  @Test
  @DisplayName("malformed text is an error naming the offset")
  void malformed() {
    assertThatThrownBy(() -> ProtoText.parse("tracing: { zipkin: {")).hasMessageContaining("offset");
  }
}
