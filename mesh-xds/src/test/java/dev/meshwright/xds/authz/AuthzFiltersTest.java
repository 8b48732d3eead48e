package dev.meshwright.xds.authz;

import static dev.meshwright.xds.authz.AuthzTesting.httpRbac;
import static dev.meshwright.xds.authz.AuthzTesting.input;
import static dev.meshwright.xds.authz.AuthzTesting.only;
import static dev.meshwright.xds.authz.AuthzTesting.policies;
import static dev.meshwright.xds.authz.AuthzTesting.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.Severity;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.rbac.v3.RBAC;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuthzFiltersTest {
  private static final String HEADER = """
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: %s, namespace: payments%s}
      spec:
      """;

  private static String ap(String name, String spec) {
    return HEADER.formatted(name, "") + spec.indent(2);
  }

  @Test
  @DisplayName("one RBAC filter per action present, AUDIT then DENY then ALLOW, keys ns[<ns>]-policy[<name>]-rule[<i>]")
  void orderAndNames() {
    String all = String.join("---\n",
        ap("allow-get", "rules: [{to: [{operation: {methods: [GET]}}]}]"),
        ap("deny-admin", "action: DENY\nrules: [{to: [{operation: {paths: [/admin]}}]}, {to: [{operation: {ports: ['9090']}}]}]"),
        ap("audit-all", "action: AUDIT\nrules: [{}]"));
    List<HttpFilter> local = AuthzFilters.http(input(all)).local();

    assertThat(local).extracting(f -> httpRbac(f).getRules().getAction())
        .containsExactly(RBAC.Action.LOG, RBAC.Action.DENY, RBAC.Action.ALLOW);
    assertThat(httpRbac(local.get(1)).getRules().getPoliciesMap()).containsOnlyKeys(
        "ns[payments]-policy[deny-admin]-rule[0]", "ns[payments]-policy[deny-admin]-rule[1]");
    assertThat(httpRbac(local.get(2)).getRules().getPoliciesMap()).containsOnlyKeys(
        "ns[payments]-policy[allow-get]-rule[0]");
    assertThat(AuthzFilters.http(input(all)).custom()).isEmpty();
  }

  @Test
  @DisplayName("an ALLOW policy without rules matches nothing; no policies give no filters")
  void noRules() {
    RBAC rules = httpRbac(AuthzFilters.http(input(ap("nothing", "{}"))).local().get(0)).getRules();
    assertThat(only(rules)).isEqualTo(policy("""
        permissions: [{notRule: {any: true}}]
        principals: [{notId: {any: true}}]
        """));
    assertThat(AuthzFilters.http(input("")).all()).isEmpty();
  }

  @Test
  @DisplayName("notPaths and notMethods become a NOT of the OR of their values, after the positive values")
  void negatedOperations() {
    RBAC rules = httpRbac(AuthzFilters.http(input(ap("p", """
        rules:
        - to:
          - operation: {methods: [GET], notMethods: [DELETE, 'PU*'], notPaths: ['/private/*', '*.php']}
        """))).local().get(0)).getRules();
    assertThat(only(rules).getPermissions(0)).isEqualTo(policy("""
        permissions:
        - andRules:
            rules:
            - orRules: {rules: [{header: {name: ':method', stringMatch: {exact: GET}}}]}
            - notRule:
                orRules:
                  rules:
                  - header: {name: ':method', stringMatch: {exact: DELETE}}
                  - header: {name: ':method', stringMatch: {prefix: PU}}
            - notRule:
                orRules:
                  rules:
                  - urlPath: {path: {prefix: /private/}}
                  - urlPath: {path: {suffix: .php}}
        """).getPermissions(0));
  }

  @Test
  @DisplayName("ports and IP blocks: destination ports, /32 and /128 for single addresses, IPv6 in canonical form")
  void portsAndIpBlocks() {
    RBAC rules = httpRbac(AuthzFilters.http(input(ap("p", """
        rules:
        - from: [{source: {ipBlocks: [10.1.0.0/16, '2001:DB8:0:0:0:0:0:1'], notRemoteIpBlocks: [192.168.1.7]}}]
          to: [{operation: {ports: ['8443']}}]
        """))).local().get(0)).getRules();
    assertThat(only(rules)).isEqualTo(policy("""
        permissions:
        - andRules: {rules: [{orRules: {rules: [{destinationPort: 8443}]}}]}
        principals:
        - andIds:
            ids:
            - notId: {orIds: {ids: [{remoteIp: {addressPrefix: 192.168.1.7, prefixLen: 32}}]}}
            - orIds:
                ids:
                - directRemoteIp: {addressPrefix: 10.1.0.0, prefixLen: 16}
                - directRemoteIp: {addressPrefix: '2001:db8::1', prefixLen: 128}
        """));
  }

  @Test
  @DisplayName("principals in another trust domain are rewritten for the mesh's trust domain and each alias, in order")
  void trustDomainAliases() {
    AuthzInput in = input(ap("p", """
        rules: [{from: [{source: {principals: ['old.example/ns/shop/sa/web', '*/ns/shop/sa/api', other/ns/x/sa/y]}}]}]
        """));
    in = in.withTrustDomains(TrustDomainBundle.of("corp.example", List.of("old.example")));
    RBAC rules = httpRbac(AuthzFilters.http(in).local().get(0)).getRules();
    assertThat(only(rules).getPrincipals(0)).isEqualTo(policy("""
        principals:
        - andIds:
            ids:
            - orIds:
                ids:
                - authenticated: {principalName: {exact: spiffe://corp.example/ns/shop/sa/web}}
                - authenticated: {principalName: {exact: spiffe://old.example/ns/shop/sa/web}}
                - authenticated: {principalName: {safeRegex: {regex: 'spiffe://.*/ns/shop/sa/api'}}}
                - authenticated: {principalName: {exact: spiffe://other/ns/x/sa/y}}
        """).getPrincipals(0));
  }

  @Test
  @DisplayName("with no trust domain at all, cluster.local principals expand to nothing and the principal matches any")
  void zeroBundle() {
    AuthzInput in = input(ap("p", "rules: [{from: [{source: {principals: [cluster.local/ns/a/sa/b]}}]}]"));
    in = in.withTrustDomains(TrustDomainBundle.NONE);
    assertThat(firstPrincipal(in))
        .isEqualTo(policy("principals: [{andIds: {ids: [{any: true}]}}]").getPrincipals(0));
  }

  @Test
  @DisplayName("namespaces and peer principals read filter state when asked, as on waypoints")
  void filterState() {
    AuthzInput in = input(ap("p", "rules: [{from: [{source: {namespaces: ['team-*']}}]}]"));
    in = in.withOptions(in.options().withPeerIdentity(AuthzOptions.PeerIdentity.FILTER_STATE));
    assertThat(firstPrincipal(in)).isEqualTo(andOfOneOr(
        "{filterState: {key: io.istio.peer_principal, stringMatch: {safeRegex: {regex: '.*/ns/team-.*/.*'}}}}"));
  }

  @Test
  @DisplayName("when-conditions on request.auth.claims read jwt_authn's payload, list or value, values ORed")
  void claimsExtended() {
    String p = ap("p", "rules: [{when: [{key: 'request.auth.claims[groups]', values: [admins, 'ops-*']}]}]");
    RBAC rules = httpRbac(AuthzFilters.http(input(p)).local().get(0)).getRules();
    String oneOf = "{orMatch: {valueMatchers: [{stringMatch: {exact: admins}}, {stringMatch: {prefix: ops-}}]}}";
    assertThat(only(rules).getPrincipals(0)).isEqualTo(policy("""
        principals:
        - andIds:
            ids:
            - metadata:
                filter: envoy.filters.http.jwt_authn
                path: [{key: payload}, {key: groups}]
                value: {orMatch: {valueMatchers: [{listMatch: {oneOf: %s}}, %s]}}
        """.formatted(oneOf, oneOf)).getPrincipals(0));
  }

  @Test
  @DisplayName("with istio_authn claims, nested claims are a list matcher under request.auth.claims")
  void claimsLegacy() {
    AuthzInput in = input(ap("p", "rules: [{when: [{key: 'request.auth.claims[a][b]', values: [x]}]}]"));
    in = in.withOptions(in.options().withJwtClaims(AuthzOptions.JwtClaims.ISTIO_AUTHN));
    assertThat(firstPrincipal(in)).isEqualTo(andOfOneOr("{metadata: {filter: istio_authn, "
        + "path: [{key: request.auth.claims}, {key: a}, {key: b}], value: {listMatch: {oneOf: {stringMatch: {exact: x}}}}}}"));
  }

  @Test
  @DisplayName("on TCP an ALLOW rule with HTTP-only fields is dropped, a DENY rule keeps its other fields")
  void tcpHttpOnly() {
    String both = String.join("---\n",
        ap("allow", "rules: [{to: [{operation: {methods: [GET], ports: ['80']}}]}]"),
        ap("deny", "action: DENY\nrules: [{to: [{operation: {methods: [GET], ports: ['81']}}]}]"));
    List<Filter> tcp = AuthzFilters.tcp(input(both)).local();
    var deny = unpackTcp(tcp.get(0));
    var allow = unpackTcp(tcp.get(1));
    assertThat(deny.getStatPrefix()).isEqualTo("tcp.");
    assertThat(only(deny.getRules()).getPermissions(0)).isEqualTo(policy(
        "permissions: [{andRules: {rules: [{orRules: {rules: [{destinationPort: 81}]}}]}}]").getPermissions(0));
    assertThat(allow.getRules().getAction()).isEqualTo(RBAC.Action.ALLOW);
    assertThat(allow.getRules().getPoliciesMap()).isEmpty();
  }

  @Test
  @DisplayName("a dry-run DENY policy goes to the shadow rules with the dry-run deny stat prefix")
  void dryRun() {
    String p = HEADER.formatted("shadow", ", annotations: {istio.io/dry-run: 'true'}") + "  action: DENY\n  rules: [{}]\n";
    var rbac = httpRbac(AuthzFilters.http(input(p)).local().get(0));
    assertThat(rbac.hasRules()).isFalse();
    assertThat(rbac.getShadowRules().getPoliciesMap()).containsOnlyKeys("ns[payments]-policy[shadow]-rule[0]");
    assertThat(rbac.getShadowRulesStatPrefix()).isEqualTo("istio_dry_run_deny_");
  }

  @Test
  @DisplayName("a rule with an unknown condition key is left out with a warning naming the policy")
  void unknownAttribute() {
    AuthzFilters.Result<HttpFilter> r = AuthzFilters.http(input(ap("p", """
        rules: [{when: [{key: request.colour, values: [blue]}]}, {to: [{operation: {hosts: [Shop.Example]}}]}]
        """)));
    assertThat(httpRbac(r.local().get(0)).getRules().getPoliciesMap()).containsOnlyKeys("ns[payments]-policy[p]-rule[1]");
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.name()).isEqualTo("p");
      assertThat(d.message()).contains("unknown attribute request.colour");
    });
  }

  /** A principal that is the AND of one OR of {@code id} (a principal in YAML flow style). */
  private static io.envoyproxy.envoy.config.rbac.v3.Principal andOfOneOr(String id) {
    return policy("principals: [{andIds: {ids: [{orIds: {ids: [" + id + "]}}]}}]").getPrincipals(0);
  }

  /** The first principal of the only policy of the first local HTTP filter. */
  private static io.envoyproxy.envoy.config.rbac.v3.Principal firstPrincipal(AuthzInput in) {
    return only(httpRbac(AuthzFilters.http(in).local().get(0)).getRules()).getPrincipals(0);
  }

  private static io.envoyproxy.envoy.extensions.filters.network.rbac.v3.RBAC unpackTcp(Filter f) {
    assertThat(f.getName()).isEqualTo(AuthzFilters.RBAC_NETWORK);
    return (io.envoyproxy.envoy.extensions.filters.network.rbac.v3.RBAC) FilterYaml.unpack(f.getTypedConfig())
        .orElseThrow();
  }
}
