package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshConfigYaml;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.XdsResources;
import dev.meshwright.xds.istiod.Istiod;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An xds-misc {@code scenario/*} case (istiod's {@code lds_test.go}): the inputs are loaded, istiod's generators run for
 * the case's proxy (once per {@code sub_cases} entry, which overrides the IP and labels), and every
 * {@code asserted_upstream} entry is checked as the upstream test client ({@code pkg/adsc}) counts: listeners are
 * HTTP when the terminal filter of their last filter chain (the one before it when the last is the
 * {@code PassthroughFilterChain}) is the HTTP connection manager. An assertion key this class does not know fails the
 * case. {@code derived_by_reading_source_unverified} is not checked. Stateless.
 */
final class ScenarioCase {
  private static final String HCM = "envoy.filters.network.http_connection_manager";
  private static final Pattern ROUTE_VHOSTS = Pattern.compile("route_(.+)_virtual_host_count");
  private static final Pattern FILTER_CHAINS = Pattern.compile("filter_chains_on_(.+)");

  private ScenarioCase() {}

  static Optional<String> check(Path dir, JsonNode c) throws IOException {
    Map<String, String> texts = new LinkedHashMap<>();
    for (JsonNode in : c.path("inputs")) {
      String file = in.path("file").asText();
      texts.put(file, Files.readString(dir.resolve(file)));
    }
    ObjectNode meshNode = c.path("mesh_config").isObject() ? ((ObjectNode) c.path("mesh_config")).deepCopy()
        : NamedCorpus.YAML.createObjectNode();
    meshNode.remove("rest");
    MeshConfigs.Result mesh = MeshConfigYaml.load("mesh_config", NamedCorpus.YAML.writeValueAsString(meshNode));
    if (mesh.meshConfig().isEmpty()) {
      return Optional.of("mesh config not readable: " + mesh.diagnostics());
    }
    XdsFixtures.Loaded loaded = XdsFixtures.load(texts, mesh.meshConfig().get(), XdsFixtures.CLUSTER_LOCAL);
    if (loaded.snapshot().isEmpty()) {
      return Optional.of(loaded.error());
    }
    List<JsonNode> runs = new ArrayList<>();
    if (c.path("sub_cases").isArray() && !c.path("sub_cases").isEmpty()) {
      c.path("sub_cases").forEach(runs::add);
    } else {
      runs.add(NamedCorpus.YAML.createObjectNode());
    }
    for (JsonNode sub : runs) {
      ObjectNode proxy = c.path("proxy").deepCopy();
      if (sub.has("proxy_ip")) {
        proxy.putArray("ip_addresses").add(sub.path("proxy_ip").asText());
      }
      if (sub.has("labels")) {
        proxy.set("labels", sub.path("labels"));
      }
      Optional<String> failure = run(loaded.snapshot().get(), proxy, c, sub);
      if (failure.isPresent()) {
        return failure.map(f -> sub.has("proxy_ip") ? "proxy " + sub.path("proxy_ip").asText() + ": " + f : f);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> run(MeshSnapshot snapshot, JsonNode proxy, JsonNode c, JsonNode sub) {
    NodeIds.Parsed parsed = XdsFixtures.proxy(proxy, "sidecar");
    if (!(parsed instanceof NodeIds.Parsed.Ok ok)) {
      return Optional.of("proxy not valid: " + ((NodeIds.Parsed.Invalid) parsed).message());
    }
    XdsResources out = Istiod.generator(XdsOptions.defaults()).generate(snapshot, ok.proxy());
    Map<String, Listener> listeners = messages(out, TypeUrls.LISTENER, Listener.class);
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> a : c.path("asserted_upstream").properties()) {
      String key = a.getKey();
      JsonNode want = a.getValue();
      Matcher routeVhosts = ROUTE_VHOSTS.matcher(key);
      Matcher chains = FILTER_CHAINS.matcher(key);
      if (key.equals("listener_count")) {
        expect(problems, key, want.asInt(), listeners.size(), listeners.keySet());
      } else if (key.equals("cluster_count_cds_plus_eds")) {
        expect(problems, key, want.asInt(), out.of(TypeUrls.CLUSTER).size(), out.of(TypeUrls.CLUSTER).keySet());
      } else if (routeVhosts.matches()) {
        RouteConfiguration rc = messages(out, TypeUrls.ROUTE, RouteConfiguration.class).get(routeVhosts.group(1));
        expect(problems, key, want.asInt(), rc == null ? -1 : rc.getVirtualHostsCount(),
            rc == null ? Set.of() : rc.getVirtualHostsList().stream().map(v -> v.getName()).toList());
      } else if (chains.matches()) {
        Listener l = listeners.get(chains.group(1));
        expect(problems, key, want.asInt(), l == null ? -1 : l.getFilterChainsCount(), List.of());
      } else if (key.equals("listeners_with_an_hcm_somewhere")) {
        Set<String> got = new TreeSet<>();
        listeners.values().stream().filter(ScenarioCase::isHttpListener).forEach(l -> got.add(l.getName()));
        expectSet(problems, key, want, got);
      } else if (key.equals("eds_clusters")) {
        Set<String> got = new TreeSet<>();
        messages(out, TypeUrls.CLUSTER, Cluster.class).values().stream()
            .filter(cl -> cl.getType() == Cluster.DiscoveryType.EDS).forEach(cl -> got.add(cl.getName()));
        expectSet(problems, key, want, got);
      } else if (key.equals("lua_check")) {
        luaCheck(listeners.get("0.0.0.0_8081"), sub.path("expect_lua_filter").asBoolean(false)).ifPresent(problems::add);
      } else {
        problems.add("assertion " + key + " not understood");
      }
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  private static void expect(List<String> problems, String key, int want, int got, Object names) {
    if (want != got) {
      problems.add(key + ": want " + want + ", got " + (got < 0 ? "none" : got + " " + names));
    }
  }

  private static void expectSet(List<String> problems, String key, JsonNode want, Set<String> got) {
    Set<String> w = new TreeSet<>();
    want.forEach(v -> w.add(v.asText()));
    if (!w.equals(got)) {
      problems.add(key + ": want " + w + ", got " + got);
    }
  }

  /** pkg/adsc's rule: the terminal filter of the last chain, or of the one before a trailing passthrough chain. */
  static boolean isHttpListener(Listener l) {
    if (l.hasApiListener() || l.getFilterChainsCount() == 0) {
      return false;
    }
    int last = l.getFilterChainsCount() - 1;
    FilterChain fc = l.getFilterChains(last);
    if (fc.getName().equals("PassthroughFilterChain") && last > 0) {
      fc = l.getFilterChains(last - 1);
    }
    return fc.getFiltersCount() > 0 && fc.getFilters(fc.getFiltersCount() - 1).getName().equals(HCM);
  }

  private static Optional<String> luaCheck(Listener l, boolean expected) {
    if (l == null) {
      return Optional.of("lua_check: no listener 0.0.0.0_8081");
    }
    FilterChain chain = null;
    for (FilterChain fc : l.getFilterChainsList()) {
      if (fc.getFiltersCount() == 1 && fc.getFilters(0).getName().equals(HCM)) {
        chain = fc;
      }
    }
    if (chain == null) {
      return Optional.of("lua_check: no chain with only an HTTP connection manager");
    }
    Filter f = chain.getFilters(0);
    try {
      HttpConnectionManager hcm = f.getTypedConfig().unpack(HttpConnectionManager.class);
      boolean found = hcm.getHttpFiltersList().stream().anyMatch(h -> h.getName().equals("envoy.lua"));
      return found == expected ? Optional.empty()
          : Optional.of("lua_check: expected envoy.lua " + expected + ", found " + found);
    } catch (InvalidProtocolBufferException e) {
      return Optional.of("lua_check: HCM not readable: " + e.getMessage());
    }
  }

  private static <T> Map<String, T> messages(XdsResources out, String type, Class<T> cls) {
    Map<String, T> m = new LinkedHashMap<>();
    for (XdsResource r : out.of(type).values()) {
      m.put(r.name(), cls.cast(r.message()));
    }
    return m;
  }
}
