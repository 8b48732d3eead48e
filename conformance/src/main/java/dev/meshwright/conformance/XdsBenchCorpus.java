package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshConfigYaml;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.References;
import dev.meshwright.xds.Subscriptions;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.XdsResources;
import dev.meshwright.xds.istiod.Istiod;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
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

/**
 * The {@code xds-bench/} corpus (istiod's generator benchmarks, used upstream as smoke tests): each case's template
 * is rendered at {@code test_size} with {@link GoTemplate} (or, for cases with {@code generated_config}, the config
 * is built by {@link EdsBenchConfig}), loaded, and istiod's generators run for the case's proxy (the corpus-wide
 * {@code proxy} block with the case's {@code proxy_type}, or the case's own {@code proxy} block) under the default
 * mesh config plus the {@code envoy-json} access-log provider. A case passes when the output of its
 * {@code resource_type} is non-empty and every resource parses back as that type; {@code sds/*} must answer
 * exactly the requested {@code kubernetes://default/sds-credential-<i>} names, {@code eds/*} one
 * ClusterLoadAssignment per watched cluster named after it, {@code rds/*} exactly the route names the listeners
 * reference. Stateless.
 */
final class XdsBenchCorpus extends NamedCorpus {
  /** The extension provider upstream's benchmark mesh config adds to the defaults. */
  static final String MESH_EXTRA = """
      extensionProviders:
      - name: envoy-json
        envoyFileAccessLog:
          path: /dev/stdout
          logFormat:
            labels: {}
      """;

  XdsBenchCorpus(String name) {
    super(name);
  }

  @Override
  public CorpusResult run(Path dir) throws IOException {
    JsonNode table = caseTable(dir);
    MeshConfigs.Result mesh = MeshConfigYaml.load("xds-bench mesh config", MESH_EXTRA);
    return tally(name(), cases(dir), c -> c.path("name").asText(), c -> mesh.meshConfig().isEmpty()
        ? Optional.of("mesh config not readable: " + mesh.diagnostics())
        : check(dir, table.path("proxy"), mesh.meshConfig().get(), c));
  }

  private static Optional<String> check(Path dir, JsonNode commonProxy, MeshConfig mesh, JsonNode c)
      throws IOException {
    String type = c.path("resource_type").asText();
    JsonNode size = c.path("test_size");
    Map<String, Integer> data = Map.of("Services", size.path("services").asInt(1),
        "Instances", size.path("instances").asInt(1));
    Map<String, String> texts = new LinkedHashMap<>();
    try {
      for (JsonNode in : c.path("inputs")) {
        String file = in.path("file").asText();
        texts.put(file, GoTemplate.render(Files.readString(dir.resolve(file)), data));
      }
      if (c.has("generated_config")) {
        texts.put("generated_config", EdsBenchConfig.yaml(c.path("generated_config")));
      }
    } catch (IllegalArgumentException e) {
      return Optional.of("config not rendered: " + e.getMessage());
    }
    XdsFixtures.Loaded loaded = XdsFixtures.load(texts, mesh, XdsFixtures.CLUSTER_LOCAL);
    if (loaded.snapshot().isEmpty()) {
      return Optional.of(loaded.error());
    }
    JsonNode proxyBlock = c.has("proxy") ? c.path("proxy") : commonProxy;
    NodeIds.Parsed parsed = XdsFixtures.proxy(proxyBlock,
        c.path("proxy_type").asText(commonProxy.path("type_default").asText("sidecar")));
    if (!(parsed instanceof NodeIds.Parsed.Ok ok)) {
      return Optional.of("proxy not valid: " + ((NodeIds.Parsed.Invalid) parsed).message());
    }
    return generateAndCheck(loaded.snapshot().get(), ok.proxy(), type, c, data);
  }

  private static Optional<String> generateAndCheck(MeshSnapshot snapshot, Proxy proxy, String type, JsonNode c,
      Map<String, Integer> data) {
    String kind = c.path("name").asText().split("/", 2)[0];
    Subscriptions subs = Subscriptions.all();
    Set<String> requested = Set.of();
    if (kind.equals("sds")) {
      requested = new TreeSet<>();
      for (int i = 0; i < data.get("Services"); i++) {
        requested.add("kubernetes://default/sds-credential-" + i);
      }
      subs = subs.with(TypeUrls.SECRET, requested);
    } else if (kind.equals("eds")) {
      requested = new TreeSet<>(EdsBenchConfig.watchedClusters(c.path("generated_config")));
      subs = subs.with(TypeUrls.ENDPOINT, requested);
    }
    XdsResources out = Istiod.generator(XdsOptions.defaults()).generate(snapshot, proxy, subs);
    Map<String, XdsResource> got = out.of(type);
    if (got.isEmpty()) {
      return Optional.of("no " + TypeUrls.shortName(type) + " resources generated"
          + (out.types().contains(type) || isKnown(type) ? "" : " (Meshwright has no generator for " + type + ")"));
    }
    List<String> problems = new ArrayList<>();
    for (XdsResource r : got.values()) {
      XdsFixtures.roundTrip(r, type).ifPresent(problems::add);
      if (r.message() instanceof ClusterLoadAssignment cla && !cla.getClusterName().equals(r.name())) {
        problems.add(r.name() + ": clusterName is " + cla.getClusterName());
      }
    }
    if (!problems.isEmpty()) {
      return Optional.of(String.join("; ", problems));
    }
    if (kind.equals("rds")) {
      requested = References.routeNames(out.of(TypeUrls.LISTENER).values().stream()
          .map(r -> (Listener) r.message()).toList());
    }
    if (!requested.isEmpty() && !new TreeSet<>(got.keySet()).equals(requested)) {
      return Optional.of("asked for " + requested + ", got " + got.keySet());
    }
    return Optional.empty();
  }

  private static boolean isKnown(String type) {
    return TypeUrls.PUSH_ORDER.contains(type);
  }
}
