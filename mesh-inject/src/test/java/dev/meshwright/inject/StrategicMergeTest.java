package dev.meshwright.inject;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.json.MeshJackson;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StrategicMergeTest {
  private static ObjectNode yaml(String text) throws IOException {
    return (ObjectNode) MeshJackson.yaml().readTree(text);
  }

  @Test
  @DisplayName("new patch items come before the original's, matched items keep the original's position")
  void listOrder() throws IOException {
    ObjectNode pod = yaml("spec: {containers: [{name: app}, {name: istio-proxy, tty: true}], volumes: [{name: certs}]}");
    ObjectNode patch = yaml("spec: {containers: [{name: istio-proxy, image: p}], volumes: [{name: a}, {name: b}]}");
    ObjectNode merged = StrategicMerge.merge(pod, patch);
    assertThat(merged.at("/spec/containers").toString())
        .isEqualTo("[{\"name\":\"app\"},{\"name\":\"istio-proxy\",\"tty\":true,\"image\":\"p\"}]");
    assertThat(merged.at("/spec/volumes").toString()).isEqualTo("[{\"name\":\"a\"},{\"name\":\"b\"},{\"name\":\"certs\"}]");
    assertThat(pod.at("/spec/containers/1").has("image")).as("input untouched").isFalse();
  }

  @Test
  @DisplayName("env merges by name, mounts by path, args are replaced and a null deletes a field")
  void mergeKeysAndNulls() throws IOException {
    ObjectNode pod = yaml("""
        spec:
          containers:
          - name: c
            args: [a, b]
            env: [{name: X, value: "1"}]
            volumeMounts: [{mountPath: /p, name: old}]
          volumes: [{name: v, emptyDir: {}}]
        """);
    ObjectNode patch = yaml("""
        spec:
          containers:
          - name: c
            args: [z]
            env: [{name: X, value: "2"}, {name: Y, value: "3"}]
            volumeMounts: [{mountPath: /p, name: new}]
          volumes: [{name: v, emptyDir: null}]
        """);
    ObjectNode merged = StrategicMerge.merge(pod, patch);
    assertThat(merged.at("/spec/containers/0/args").toString()).isEqualTo("[\"z\"]");
    assertThat(merged.at("/spec/containers/0/env").toString())
        .isEqualTo("[{\"name\":\"X\",\"value\":\"2\"},{\"name\":\"Y\",\"value\":\"3\"}]");
    assertThat(merged.at("/spec/containers/0/volumeMounts").toString())
        .isEqualTo("[{\"mountPath\":\"/p\",\"name\":\"new\"}]");
    assertThat(merged.at("/spec/volumes").toString()).isEqualTo("[{\"name\":\"v\"}]");
  }
}
