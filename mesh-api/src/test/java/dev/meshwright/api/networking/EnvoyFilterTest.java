package dev.meshwright.api.networking;

import static dev.meshwright.api.networking.NetworkingFixtures.errors;
import static dev.meshwright.api.networking.NetworkingFixtures.read;
import static dev.meshwright.api.networking.NetworkingFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwright.api.yaml.MeshYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EnvoyFilterTest {
  private static final String WARNING = "warning spec: EnvoyFilter exposes internal implementation details";
  private static final String HEADER = """
      apiVersion: networking.istio.io/v1alpha3
      kind: EnvoyFilter
      metadata:
        name: ef
        namespace: ns
      spec:
        configPatches:
      """;

  private static final String LUA = HEADER + """
        - applyTo: HTTP_FILTER
          match:
            context: SIDECAR_INBOUND
            proxy:
              proxyVersion: ^1\\.22.*
              metadata: {A: b}
            listener:
              portNumber: 8080
              filterChain:
                filter:
                  name: envoy.filters.network.http_connection_manager
                  subFilter:
                    name: envoy.filters.http.router
          patch:
            operation: INSERT_BEFORE
            filterClass: AUTHZ
            value:
              name: envoy.lua
              typed_config:
                '@type': type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua
                inlineCode: |
                  function envoy_on_request(h) end
                list: [1, 2.5, true, {a: null}]
        - applyTo: VIRTUAL_HOST
          match:
            routeConfiguration:
              vhost: {name: "a:80", route: {action: ROUTE}}
          patch:
            operation: REMOVE
      """;

  @Test
  @DisplayName("an EnvoyFilter with nested matches and a Struct value round-trips and only warns")
  void roundTrip() {
    EnvoyFilter ef = (EnvoyFilter) read(LUA);
    EnvoyFilterPatch patch = ef.spec().configPatches().get(0).patch().orElseThrow();
    assertThat(patch.value().orElseThrow()).containsEntry("name", "envoy.lua");
    assertThat(read(MeshYaml.standard().writeYaml(ef))).isEqualTo(ef);
    assertThat(validate(LUA)).singleElement().asString().startsWith(WARNING);
  }

  @Test
  @DisplayName("the patch value is deeply unmodifiable, and value: {} differs from no value")
  void valueIsFrozen() {
    Map<String, Object> inner = new java.util.HashMap<>(Map.of("k", "v"));
    EnvoyFilterPatch patch = EnvoyFilterPatch.of(EnvoyFilterPatch.Operation.MERGE, Map.of("nested", inner, "l", List.of(inner)));
    inner.put("k", "changed");
    @SuppressWarnings("unchecked")
    Map<String, Object> nested = (Map<String, Object>) patch.value().orElseThrow().get("nested");
    assertThat(nested).containsEntry("k", "v");
    assertThatThrownBy(() -> nested.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(EnvoyFilterPatch.builder().from(patch).build()).isEqualTo(patch);

    assertThat(errors(HEADER + "  - applyTo: HTTP_FILTER\n    patch: {operation: INSERT_FIRST, value: {}}\n")).isEmpty();
    assertThat(errors(HEADER + "  - applyTo: HTTP_FILTER\n    patch: {operation: INSERT_FIRST}\n"))
        .containsExactly("spec.configPatches[0].patch.value: Envoy filter: missing patch value for non-remove operation");
  }

  @Test
  @DisplayName("v2 @type URLs are unknown (with the v3 hint); v3, TypedStruct and their payloads pass")
  void typeUrls() {
    String v2 = HEADER + """
          - applyTo: NETWORK_FILTER
            patch:
              operation: INSERT_FIRST
              value:
                typed_config:
                  '@type': type.googleapis.com/envoy.config.filter.network.ext_authz.v2.ExtAuthz
        """;
    assertThat(errors(v2)).singleElement().asString().startsWith(
        "spec.configPatches[0].patch.value: referenced type unknown (hint: try using the v3 XDS API)");
    assertThat(errors(v2.replace("envoy.config.filter.network.ext_authz.v2.ExtAuthz", "envoy.api.v2.Cluster")))
        .singleElement().asString().contains("referenced type unknown (hint");
    assertThat(errors(v2.replace("envoy.config.filter.network.ext_authz.v2.ExtAuthz", "acme.Filter")))
        .singleElement().asString().contains("referenced type unknown: ");
    assertThat(errors(v2.replace("envoy.config.filter.network.ext_authz.v2.ExtAuthz",
        "udpa.type.v1.TypedStruct\n          value: {x: {'@type': anything.v2.Foo}}"))).isEmpty();
    assertThat(errors(HEADER + "  - applyTo: CLUSTER\n    patch: {operation: ADD, value: {name: false}}\n"))
        .containsExactly("spec.configPatches[0].patch.value.name: "
            + "Envoy filter: json: cannot unmarshal bool into Go value of type string");
  }

  @Test
  @DisplayName("proxy versions compile as RE2: possessive quantifiers and lookahead fail, flags pass")
  void proxyVersionRegex() {
    String base = HEADER + "  - applyTo: LISTENER\n    match: {proxy: {proxyVersion: 'RX'}}\n    patch: {operation: REMOVE}\n";
    assertThat(errors(base.replace("RX", "1\\.2++"))).containsExactly("spec.configPatches[0].match.proxy.proxyVersion: "
        + "Envoy filter: invalid regex for proxy version, [error parsing regexp: invalid nested repetition operator: `++`]");
    assertThat(errors(base.replace("RX", "^(?!1\\.2)"))).singleElement().asString().contains("invalid or unsupported Perl syntax");
    assertThat(errors(base.replace("RX", "(?i)^1\\.(?P<minor>2[0-9]|3)\\..{1,2}?"))).isEmpty();
  }

  @Test
  @DisplayName("match classes must fit applyTo; filter matches need names and the HCM for sub-filters")
  void matchStructure() {
    String p = "    patch: {operation: REMOVE}\n";
    assertThat(errors(HEADER + "  - applyTo: LISTENER\n    match: {cluster: {}}\n" + p)).containsExactly(
        "spec.configPatches[0].match: Envoy filter: applyTo for listener class objects cannot have non listener match");
    assertThat(errors(HEADER + "  - applyTo: NETWORK_FILTER\n    match: {listener: {filterChain: {filter: {name: x, subFilter: {name: y}}}}}\n" + p))
        .containsExactly("spec.configPatches[0].match.listener.filterChain.filter.subFilter: "
            + "Envoy filter: subfilter match can be used with applyTo HTTP_FILTER only");
    assertThat(validate(HEADER + "  - applyTo: FILTER_CHAIN\n    match: {listener: {filterChain: {filter: {name: envoy.tcp_proxy}}}}\n" + p))
        .contains("warning spec.configPatches[0].match.listener.filterChain.filter: "
                + "Envoy filter: filter match has no effect when used with FILTER_CHAIN",
            "warning spec.configPatches[0].match.listener.filterChain.filter.name: "
                + "using deprecated filter name \"envoy.tcp_proxy\"; use \"envoy.filters.network.tcp_proxy\" instead");
    assertThat(MeshYaml.read("x", HEADER + "  - applyTo: LISTENER\n    match: {cluster: {}, listener: {}}\n" + p).diagnostics())
        .singleElement().satisfies(d -> assertThat(d.message()).contains("only one of listener, routeConfiguration, cluster"));
  }
}
