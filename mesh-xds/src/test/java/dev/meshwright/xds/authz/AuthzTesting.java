package dev.meshwright.xds.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.MeshResource;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.security.AuthorizationPolicy;
import dev.meshwright.api.yaml.MeshConfigYaml;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import io.envoyproxy.envoy.config.rbac.v3.Policy;
import io.envoyproxy.envoy.config.rbac.v3.RBAC;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.List;

/** Reading test inputs and unpacking outputs for the authz tests. */
final class AuthzTesting {
  private AuthzTesting() {}

  static List<AuthorizationPolicy> policies(String yaml) {
    ReadResult r = MeshYaml.standard().readAll("test.yaml", yaml);
    assertThat(r.diagnostics()).isEmpty();
    return r.resources().stream().map(AuthorizationPolicy.class::cast).toList();
  }

  static MeshConfig mesh(String yaml) {
    return MeshConfigYaml.read("mesh.yaml", yaml).meshConfig().orElseThrow();
  }

  static AuthzInput input(String policies) {
    return new AuthzInput(policies(policies), mesh("{}"), TrustDomainBundle.of("cluster.local", List.of()),
        AuthzOptions.DEFAULTS, ServiceIndex.EMPTY);
  }

  /** The HTTP RBAC config of a filter. */
  static io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC httpRbac(HttpFilter f) {
    assertThat(f.getName()).isEqualTo(AuthzFilters.RBAC_HTTP);
    return (io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC) FilterYaml.unpack(f.getTypedConfig())
        .orElseThrow();
  }

  /** An RBAC policy written as YAML. */
  static Policy policy(String yaml) {
    return FilterYaml.read(yaml, Policy.newBuilder()).build();
  }

  /** The only policy of a rule set. */
  static Policy only(RBAC rules) {
    assertThat(rules.getPoliciesMap()).hasSize(1);
    return rules.getPoliciesMap().values().iterator().next();
  }
}
