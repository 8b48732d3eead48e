package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Message;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.security.AuthorizationPolicy;
import dev.meshwright.api.yaml.MeshConfigYaml;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import dev.meshwright.xds.authz.AuthzFilters;
import dev.meshwright.xds.authz.AuthzInput;
import dev.meshwright.xds.authz.AuthzOptions;
import dev.meshwright.xds.authz.FilterYaml;
import dev.meshwright.xds.authz.ServiceIndex;
import dev.meshwright.xds.authz.TrustDomainBundle;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code authz/} corpus (Istio's {@code TestGenerator_GenerateHTTP/TCP}): for each case of {@code cases.yaml} the
 * input AuthorizationPolicies are selected for the fixture proxy (its namespace or the root namespace, selector
 * matching its labels), translated by {@link AuthzFilters} with the case's builder (local or custom), trust-domain
 * bundle, mesh config and options, and compared with the goldens as protobuf messages (map order ignored, list order
 * kept). A case listing several {@code use_extended_jwt} values must pass under each. Stateless.
 */
final class AuthzCorpus extends NamedCorpus {
  AuthzCorpus(String name) {
    super(name);
  }

  @Override
  public CorpusResult run(Path dir) throws IOException {
    JsonNode fixtures = caseTable(dir).path("fixtures");
    return tally(name(), cases(dir), c -> c.path("name").asText(), c -> check(dir, fixtures, c));
  }

  private static Optional<String> check(Path dir, JsonNode fixtures, JsonNode c) throws IOException {
    List<AuthorizationPolicy> all = new ArrayList<>();
    for (JsonNode in : c.path("inputs")) {
      String file = in.path("file").asText();
      ReadResult read = MeshYaml.standard().readAll(file, Files.readString(dir.resolve(file)));
      if (read.hasErrors()) {
        return Optional.of("input not readable: " + read.diagnostics().stream().map(Diagnostic::format).toList());
      }
      for (MeshResource r : read.resources()) {
        if (r instanceof AuthorizationPolicy p) {
          all.add(p);
        }
      }
    }
    JsonNode proxy = fixtures.path("proxy");
    String namespace = proxy.path("namespace").asText();
    Map<String, String> labels = new HashMap<>();
    proxy.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    List<AuthorizationPolicy> selected = select(all, namespace, fixtures.path("root_namespace").asText(""), labels);

    Optional<MeshConfig> mesh = meshConfig(fixtures, c.path("mesh_config"));
    if (mesh.isEmpty()) {
      return Optional.of("mesh config " + c.path("mesh_config").asText() + " not readable");
    }
    List<String> tds = trustDomains(c.path("trust_domain_bundle"));
    AuthzOptions.PeerIdentity peer = c.path("use_filter_state").asBoolean(false)
        ? AuthzOptions.PeerIdentity.FILTER_STATE : AuthzOptions.PeerIdentity.AUTHENTICATED;
    boolean tcp = c.path("filter_type").asText().equals("tcp");
    boolean custom = c.path("builder").asText().equals("custom");

    List<Message> want = new ArrayList<>();
    for (JsonNode g : c.path("goldens")) {
      String text = Files.readString(dir.resolve(g.path("file").asText()));
      try {
        want.add(tcp ? FilterYaml.read(text, Filter.newBuilder()).build()
            : FilterYaml.read(text, HttpFilter.newBuilder()).build());
      } catch (IllegalArgumentException e) {
        return Optional.of("golden " + g.path("file").asText() + " not readable: " + e.getMessage());
      }
    }
    List<Boolean> jwtModes = new ArrayList<>();
    JsonNode ext = c.path("use_extended_jwt");
    if (ext.isArray()) {
      ext.forEach(v -> jwtModes.add(v.asBoolean()));
    } else {
      jwtModes.add(ext.asBoolean(true));
    }
    for (boolean extended : jwtModes) {
      AuthzOptions options = new AuthzOptions(
          extended ? AuthzOptions.JwtClaims.JWT_AUTHN : AuthzOptions.JwtClaims.ISTIO_AUTHN, peer);
      AuthzInput input = new AuthzInput(selected, mesh.get(), new TrustDomainBundle(tds), options,
          services(fixtures));
      List<? extends Message> got;
      if (tcp) {
        AuthzFilters.Result<Filter> r = AuthzFilters.tcp(input);
        got = custom ? r.custom() : r.local();
      } else {
        AuthzFilters.Result<HttpFilter> r = AuthzFilters.http(input);
        got = custom ? r.custom() : r.local();
      }
      if (!sameFilters(got, want)) {
        return Optional.of("use_extended_jwt=" + extended + ": got " + got.size() + " filters, want " + want.size()
            + (got.size() == want.size() ? "; first difference in filter " + firstDifference(got, want) : ""));
      }
    }
    return Optional.empty();
  }

  /** Filter lists compared by name and unpacked config, so that the order of map entries in packed bytes is ignored. */
  private static boolean sameFilters(List<? extends Message> got, List<Message> want) {
    return got.size() == want.size() && firstDifference(got, want) < 0;
  }

  private static int firstDifference(List<? extends Message> got, List<Message> want) {
    for (int i = 0; i < got.size(); i++) {
      if (!comparable(got.get(i)).equals(comparable(want.get(i)))) {
        return i;
      }
    }
    return -1;
  }

  /** A filter as name and unpacked typed config. */
  private static List<Object> comparable(Message filter) {
    if (filter instanceof HttpFilter f) {
      return List.of(f.getName(), FilterYaml.unpack(f.getTypedConfig()).map(Object.class::cast).orElse(f));
    }
    if (filter instanceof Filter f) {
      return List.of(f.getName(), FilterYaml.unpack(f.getTypedConfig()).map(Object.class::cast).orElse(f));
    }
    return List.of(filter);
  }

  /** The policies istiod would list for the proxy: its namespace's and the root namespace's, selector matching. */
  private static List<AuthorizationPolicy> select(List<AuthorizationPolicy> all, String namespace, String root,
      Map<String, String> labels) {
    List<AuthorizationPolicy> out = new ArrayList<>();
    for (AuthorizationPolicy p : all) {
      boolean inScope = p.namespace().equals(namespace) || (!root.isEmpty() && p.namespace().equals(root));
      boolean targeted = p.spec().targetRef().isPresent() || !p.spec().targetRefs().isEmpty();
      Map<String, String> selector = p.spec().selector().map(s -> s.matchLabels()).orElse(Map.of());
      if (inScope && !targeted && labels.entrySet().containsAll(selector.entrySet())) {
        out.add(p);
      }
    }
    return out;
  }

  private static Optional<MeshConfig> meshConfig(JsonNode fixtures, JsonNode key) throws IOException {
    if (key.isNull() || key.isMissingNode()) {
      return MeshConfigYaml.read("mesh_config", "{}").meshConfig();
    }
    JsonNode tree = key.isObject() ? key : fixtures.path("mesh_configs").path(key.asText());
    if (tree.isMissingNode()) {
      return Optional.empty();
    }
    MeshConfigs.Result r = MeshConfigYaml.read("mesh_config", YAML.writeValueAsString(tree));
    return r.hasErrors() ? Optional.empty() : r.meshConfig();
  }

  /** The bundle's {@code trust_domains}, else its {@code trust_domain} followed by its {@code aliases}. */
  private static List<String> trustDomains(JsonNode bundle) {
    List<String> out = new ArrayList<>();
    if (bundle.has("trust_domains")) {
      bundle.path("trust_domains").forEach(t -> out.add(t.asText()));
    } else if (bundle.hasNonNull("trust_domain")) {
      out.add(bundle.path("trust_domain").asText());
      bundle.path("aliases").forEach(t -> out.add(t.asText()));
    }
    return out;
  }

  private static ServiceIndex services(JsonNode fixtures) {
    Map<String, Set<String>> byHost = new HashMap<>();
    for (JsonNode s : fixtures.path("service_index")) {
      byHost.computeIfAbsent(s.path("hostname").asText(), h -> new TreeSet<>()).add(s.path("namespace").asText());
    }
    return ServiceIndex.of(byHost);
  }
}
