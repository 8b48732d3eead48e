package dev.meshwright.cli;

import static dev.meshwright.cli.MeshctlValidateTest.meshctl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.cli.MeshctlValidateTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshctlAuthzTest {
  @TempDir Path dir;

  private static final String POLICIES = """
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: allow-get, namespace: shop}
      spec:
        selector: {matchLabels: {app: cart}}
        rules: [{to: [{operation: {methods: [GET], ports: ['8080']}}]}]
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: deny-other, namespace: shop}
      spec:
        selector: {matchLabels: {app: other}}
        action: DENY
        rules: [{}]
      ---
      apiVersion: security.istio.io/v1
      kind: RequestAuthentication
      metadata: {name: jwt, namespace: shop}
      spec:
        jwtRules: [{issuer: https://id.corp.example, jwks: '{"keys":[]}'}]
      """;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  @DisplayName("x authz prints jwt_authn then the ALLOW RBAC filter of the selected workload as YAML")
  void http() throws IOException {
    Run r = meshctl("", "x", "authz", "--policies", write("p.yaml", POLICIES).toString(), "--namespace", "shop",
        "--labels", "app=cart,version=v1");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("- name: envoy.filters.http.jwt_authn\n")
        .contains("- name: envoy.filters.http.rbac\n", "'@type': type.googleapis.com/envoy.extensions.filters.http.rbac.v3.RBAC",
            "ns[shop]-policy[allow-get]-rule[0]", "exact: GET", "destinationPort: 8080")
        .doesNotContain("deny-other");
  }

  @Test
  @DisplayName("x authz --tcp prints the network RBAC filter; the HTTP-only method makes the ALLOW rule drop out")
  void tcp() throws IOException {
    Run r = meshctl("", "x", "authz", "--policies", write("p.yaml", POLICIES).toString(), "--namespace", "shop",
        "--labels", "app=cart", "--tcp");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("- name: envoy.filters.network.rbac\n").contains("statPrefix: tcp.")
        .doesNotContain("allow-get", "jwt_authn");
  }

  @Test
  @DisplayName("an unreadable or invalid policy file exits 1 with error: FILE: ... on stderr and prints nothing")
  void badInput() throws IOException {
    Path bad = write("bad.yaml", "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: x, namespace: shop}\n"
        + "spec: {action: DENY}\n");
    Run r = meshctl("", "x", "authz", "--policies", bad.toString(), "--namespace", "shop");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("error: " + bad + ": AuthorizationPolicy shop/x");

    Path missing = dir.resolve("missing.yaml");
    Run m = meshctl("", "x", "authz", "--policies", missing.toString(), "--namespace", "shop");
    assertThat(m.code()).isEqualTo(1);
    assertThat(m.err()).startsWith("error: " + missing + ": cannot read file");
  }
}
