package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.meshwright.api.mesh.ProxyConfig;
import dev.meshwright.api.yaml.MeshConfigYaml;
import dev.meshwright.api.yaml.ValueResult;
import dev.meshwright.xds.EnvoyTypes;
import dev.meshwright.xds.bootstrap.BootstrapOptions;
import dev.meshwright.xds.bootstrap.BootstrapRenderer;
import dev.meshwright.xds.bootstrap.BootstrapResult;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.core.v3.Locality;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An xds-misc {@code bootstrap/*} case (pilot-agent's {@code TestGolden}): the case's ProxyConfig ({@code .proxycfg},
 * protobuf text) with the test's config path ({@code /tmp/bootstrap/<case>}), custom config file and status port,
 * the {@code bootstrap_common} node facts, and the case's annotations (both as {@code ISTIO_METAJSON_ANNOTATIONS} and
 * as the pod annotations file) and {@code env}, rendered by {@link BootstrapRenderer}. Output and golden are read as
 * {@code envoy.config.bootstrap.v3.Bootstrap} and compared after the normalisation {@code cases.yaml} describes
 * (XDS socket and Lightstep token paths, locality unless {@code check_locality}, the stats matcher and the
 * {@code sidecar.istio.io/statsInclusion*} metadata keys removed). Stateless.
 */
final class BootstrapCase {
  private static final List<String> INCLUSION_KEYS = List.of("sidecar.istio.io/statsInclusionPrefixes",
      "sidecar.istio.io/statsInclusionSuffixes", "sidecar.istio.io/statsInclusionRegexps");

  private static final ObjectMapper JSON = new ObjectMapper();

  private BootstrapCase() {}

  static Optional<String> check(Path dir, JsonNode common, JsonNode c) throws IOException {
    String name = c.path("name").asText();
    String base = name.substring(name.indexOf('/') + 1);
    String input = c.path("inputs").path(0).path("file").asText();
    ProxyConfig pc;
    try {
      ObjectNode tree = ProtoText.parse(Files.readString(dir.resolve(input)));
      ValueResult<ProxyConfig> read = MeshConfigYaml.readProxyConfig(input, tree.toString());
      if (read.value().isEmpty() || read.hasErrors()) {
        return Optional.of("proxy config not readable: " + read.diagnostics());
      }
      pc = read.value().get();
    } catch (IllegalArgumentException e) {
      return Optional.of(input + ": " + e.getMessage());
    }
    ProxyConfig.Builder adjusted = ProxyConfig.builder().from(pc).configPath("/tmp/bootstrap/" + base)
        .customConfigFile("envoy_bootstrap.json");
    if (pc.statusPort().orElse(0) == 0) {
      adjusted.statusPort(common.path("status_port_default").asInt(15020));
    }
    BootstrapResult result = BootstrapRenderer.render(options(common, c, adjusted.build()));
    if (result.hasProblems()) {
      return Optional.of("not rendered: " + result.problems());
    }
    boolean tokenWritten = result.files().keySet().stream().anyMatch(f -> f.endsWith("lightstep_access_token.txt"));
    if (tokenWritten != c.path("expect_lightstep_access_token_file").asBoolean(false)) {
      return Optional.of("lightstep access token file " + (tokenWritten ? "written but not expected" : "missing"));
    }
    Bootstrap golden;
    try {
      String file = c.path("goldens").path(0).path("file").asText();
      JsonNode goldenTree = NamedCorpus.YAML.readTree(Files.readString(dir.resolve(file)));
      Bootstrap.Builder b = Bootstrap.newBuilder();
      EnvoyTypes.get().parser().merge(goldenTree.toString(), b);
      golden = b.build();
    } catch (InvalidProtocolBufferException e) {
      return Optional.of("golden not readable as a Bootstrap: " + e.getMessage());
    }
    boolean checkLocality = c.path("check_locality").asBoolean(false);
    JsonNode want = normalize(golden, checkLocality);
    JsonNode got = normalize(result.bootstrap().orElseThrow(), checkLocality);
    String diff = JsonTrees.firstDifference(List.of(want), List.of(got));
    return diff.isEmpty() ? Optional.empty() : Optional.of(diff.replaceFirst("^document 0 \\([^)]*\\): ", ""));
  }

  private static BootstrapOptions options(JsonNode common, JsonNode c, ProxyConfig pc) throws IOException {
    BootstrapOptions.Builder b = BootstrapOptions.builder(common.path("node_id").asText(), pc)
        .instanceIps(strings(common.path("instance_ips")))
        .pilotSubjectAltNames(strings(common.path("pilot_subject_alt_names")))
        .outlierLogPath(common.path("outlier_log_path").asText())
        .envoyPrometheusPort(common.path("envoy_prometheus_port").asInt(15090))
        .envoyStatusPort(common.path("envoy_status_port").asInt(15021))
        .istioVersion(common.path("istio_version_string").asText(BootstrapOptions.DEFAULT_ISTIO_VERSION))
        .platformLocality(Locality.getDefaultInstance())
        .stsPort(c.path("sts_port").asInt(0));
    b.putEnvironment("ISTIO_METAJSON_LABELS", "{}");
    Map<String, String> annotations = stringMap(c.path("annotations"));
    if (!annotations.isEmpty()) {
      b.putEnvironment("ISTIO_METAJSON_ANNOTATIONS", JSON.writeValueAsString(annotations));
      b.podAnnotations(annotations);
    }
    JsonNode env = c.path("env");
    if (env.isObject()) {
      stringMap(env).forEach(b::putEnvironment);
    } else if (env.isArray()) {
      for (JsonNode e : env) {
        String[] kv = e.asText().split("=", 2);
        b.putEnvironment(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    b.platformMetadata(stringMap(c.path("platform_metadata")));
    String policy = c.path("compliance_policy").asText(c.path("compliancePolicy").asText(""));
    if (!policy.isEmpty()) {
      b.compliancePolicy(policy);
    }
    return b.build();
  }

  /** Both sides as proto3 JSON trees with the case table's normalisation applied. */
  private static JsonNode normalize(Bootstrap bootstrap, boolean checkLocality) throws IOException {
    ObjectNode tree = (ObjectNode) NamedCorpus.YAML.readTree(EnvoyTypes.get().print(bootstrap));
    if (tree.path("statsConfig") instanceof ObjectNode stats) {
      stats.remove("statsMatcher");
    }
    if (tree.path("node").path("metadata") instanceof ObjectNode meta) {
      INCLUSION_KEYS.forEach(meta::remove);
    }
    if (!checkLocality && tree.path("node").path("locality") instanceof ObjectNode locality) {
      locality.remove("zone");
      locality.remove("region");
    }
    replacePaths(tree);
    return tree;
  }

  /** The XDS socket to {@code /tmp/XDS}, the Lightstep token file to {@code /test-path/}. */
  private static void replacePaths(JsonNode node) {
    if (node instanceof ObjectNode o) {
      if (o.path("path").asText("").endsWith("/XDS")) {
        o.put("path", "/tmp/XDS");
      }
      if (o.path("accessTokenFile").asText("").endsWith("lightstep_access_token.txt")) {
        o.put("accessTokenFile", "/test-path/lightstep_access_token.txt");
      }
    }
    node.forEach(BootstrapCase::replacePaths);
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node.isObject()) {
      node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }
}
