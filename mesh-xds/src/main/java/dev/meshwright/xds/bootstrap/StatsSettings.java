package dev.meshwright.xds.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.BoolValue;
import dev.meshwright.api.mesh.ProxyConfig;
import dev.meshwright.xds.bootstrap.BootstrapOptions.Feature;
import io.envoyproxy.envoy.config.metrics.v3.HistogramBucketSettings;
import io.envoyproxy.envoy.config.metrics.v3.StatsConfig;
import io.envoyproxy.envoy.config.metrics.v3.StatsMatcher;
import io.envoyproxy.envoy.config.metrics.v3.TagSpecifier;
import io.envoyproxy.envoy.type.matcher.v3.ListStringMatcher;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Envoy's stats settings: Istio's tag extraction rules (plus one per extra stat tag), the stats kept (Istio's
 * required prefixes, suffixes and patterns, plus those of the {@code sidecar.istio.io/statsInclusion*}
 * annotations, or else of the ProxyConfig's {@code proxyStatsMatcher}, with {@code {pod_ip}} expanded to each pod
 * IP), histogram buckets from {@code sidecar.istio.io/statsHistogramBuckets}, and the Prometheus endpoint's
 * compression from {@code sidecar.istio.io/statsCompression}. Stateless.
 */
final class StatsSettings {
  static final String PREFIXES_ANNOTATION = "sidecar.istio.io/statsInclusionPrefixes";
  static final String SUFFIXES_ANNOTATION = "sidecar.istio.io/statsInclusionSuffixes";
  static final String REGEXPS_ANNOTATION = "sidecar.istio.io/statsInclusionRegexps";
  static final String EXTRA_TAGS_ANNOTATION = "sidecar.istio.io/extraStatTags";
  static final String HISTOGRAM_ANNOTATION = "sidecar.istio.io/statsHistogramBuckets";
  static final String COMPRESSION_ANNOTATION = "sidecar.istio.io/statsCompression";

  /** Compressor libraries Envoy ships, by annotation value. */
  static final Set<String> COMPRESSORS = Set.of("gzip", "zstd", "brotli");

  /** Stats readiness checks and draining rely on. */
  private static final List<String> REQUIRED_PREFIXES = List.of("cluster_manager", "listener_manager", "server",
      "cluster.xds-grpc", "wasm");
  private static final List<String> RBAC_SUFFIXES = List.of("rbac.allowed", "rbac.denied", "shadow_allowed",
      "shadow_denied");
  private static final String DRAIN_SUFFIX = "downstream_cx_active";
  /** Per-route stats named by a VirtualService's stat prefix. */
  private static final List<String> REQUIRED_REGEXPS = List.of("vhost\\.*\\.route\\.*");

  /** Tag name and extraction pattern of each built-in tag, before the extra tags. */
  private static final List<String[]> LEADING_TAGS = List.of(
      tag("cluster_name", "^cluster\\.((.+?(\\..+?\\.svc\\.cluster\\.local)?)\\.)"),
      tag("tcp_prefix", "^tcp\\.((.*?)\\.)\\w+?$"),
      tag("response_code", "_rq(_(\\d{3}))$"),
      tag("response_code_class", "_rq(_(\\dxx))$"),
      tag("http_conn_manager_listener_prefix",
          "^listener(?=\\.).*?\\.http\\.(((?:[_.[:digit:]]*|[_\\[\\]aAbBcCdDeEfF[:digit:]]*))\\.)"),
      tag("http_conn_manager_prefix", "^http\\.(((?:[_.[:digit:]]*|[_\\[\\]aAbBcCdDeEfF[:digit:]]*))\\.)"),
      tag("listener_address", "^listener\\.(((?:[_.[:digit:]]*|[_\\[\\]aAbBcCdDeEfF[:digit:]]*))\\.)"),
      tag("mongo_prefix", "^mongo\\.(.+?)\\.(collection|cmd|cx_|op_|delays_|decoding_)(.*?)$"));

  /** Tag name and extraction pattern of each built-in tag, after the extra tags. */
  private static final List<String[]> TRAILING_TAGS = List.of(
      tag("cache", "(cache\\.(.+?)\\.)"),
      tag("component", "(component\\.(.+?)\\.)"),
      tag("tag", "(tag\\.(.+?);\\.)"),
      tag("wasm_filter", "(wasm_filter\\.(.+?)\\.)"),
      tag("authz_enforce_result", "rbac(\\.(allowed|denied))"),
      tag("authz_dry_run_action", "(\\.istio_dry_run_(allow|deny)_)"),
      tag("authz_dry_run_result", "(\\.shadow_(allowed|denied))"));

  private static final ObjectMapper JSON = new ObjectMapper();

  private StatsSettings() {}

  /** The {@code stats_config} for a pod with {@code ips} and {@code annotations}. */
  static StatsConfig of(BootstrapOptions options, List<String> ips, Map<String, String> annotations,
      boolean workloadDiscovery) {
    StatsConfig.Builder b = StatsConfig.newBuilder().setUseAllDefaultTags(BoolValue.of(false));
    LEADING_TAGS.forEach(t -> b.addStatsTags(tagSpecifier(t[0], t[1])));
    for (String extra : extraTags(options.proxyConfig(), annotations)) {
      b.addStatsTags(tagSpecifier(extra, "(" + extra + "=\\.=(.*?);\\.;)"));
    }
    TRAILING_TAGS.forEach(t -> b.addStatsTags(tagSpecifier(t[0], t[1])));
    histogramBuckets(annotations).forEach(b::addHistogramBucketSettings);
    return b.setStatsMatcher(matcher(options, ips, annotations, workloadDiscovery)).build();
  }

  /** The compressor library for the Prometheus endpoint, when the annotation names a known one. */
  static Optional<String> compression(Map<String, String> annotations) {
    return Optional.ofNullable(annotations.get(COMPRESSION_ANNOTATION)).filter(COMPRESSORS::contains);
  }

  private static StatsMatcher matcher(BootstrapOptions options, List<String> ips, Map<String, String> annotations,
      boolean workloadDiscovery) {
    Optional<ProxyConfig.ProxyStatsMatcher> pc = options.proxyConfig().proxyStatsMatcher();
    List<String> suffixes = new ArrayList<>(RBAC_SUFFIXES);
    if (options.has(Feature.EXIT_ON_ZERO_ACTIVE_CONNECTIONS)) {
      suffixes.add(DRAIN_SUFFIX);
    }
    ListStringMatcher.Builder list = ListStringMatcher.newBuilder();
    list.addPatterns(prefix("reporter="));
    if (workloadDiscovery) {
      list.addPatterns(prefix("workload_discovery"));
    }
    inclusions(annotations.get(PREFIXES_ANNOTATION),
        pc.map(ProxyConfig.ProxyStatsMatcher::inclusionPrefixes), REQUIRED_PREFIXES, ips)
        .forEach(p -> list.addPatterns(prefix(p)));
    inclusions(annotations.get(SUFFIXES_ANNOTATION),
        pc.map(ProxyConfig.ProxyStatsMatcher::inclusionSuffixes), suffixes, ips)
        .forEach(s -> list.addPatterns(StringMatcher.newBuilder().setSuffix(s)));
    inclusions(annotations.get(REGEXPS_ANNOTATION),
        pc.map(ProxyConfig.ProxyStatsMatcher::inclusionRegexps), REQUIRED_REGEXPS, ips)
        .forEach(r -> list.addPatterns(StringMatcher.newBuilder().setSafeRegex(RegexMatcher.newBuilder().setRegex(r))));
    list.addPatterns(prefix("component"));
    list.addPatterns(prefix("istio"));
    return StatsMatcher.newBuilder().setInclusionList(list).build();
  }

  /**
   * The annotation's comma-separated list if set (it replaces the ProxyConfig's, never merges), else the
   * ProxyConfig's, then {@code required}; {@code {pod_ip}} in a pattern yields one pattern per IP.
   */
  private static List<String> inclusions(String annotation, Optional<List<String>> proxyConfig,
      List<String> required, List<String> ips) {
    List<String> patterns = new ArrayList<>();
    if (annotation != null && !annotation.isEmpty()) {
      patterns.addAll(Arrays.asList(annotation.split(",", -1)));
    } else {
      proxyConfig.ifPresent(patterns::addAll);
    }
    patterns.addAll(required);
    List<String> out = new ArrayList<>();
    for (String p : patterns) {
      if (p.contains("{pod_ip}")) {
        ips.forEach(ip -> out.add(p.replace("{pod_ip}", ip)));
      } else {
        out.add(p);
      }
    }
    return out;
  }

  /** The ProxyConfig's extra stat tags then the annotation's, blanks and repeats dropped. */
  private static Set<String> extraTags(ProxyConfig config, Map<String, String> annotations) {
    Set<String> tags = new LinkedHashSet<>();
    config.extraStatTags().stream().filter(t -> !t.isEmpty()).forEach(tags::add);
    Arrays.stream(annotations.getOrDefault(EXTRA_TAGS_ANNOTATION, "").split(",")).filter(t -> !t.isEmpty())
        .forEach(tags::add);
    return tags;
  }

  /** {@code {"<prefix>": [bucket, ...]}}, sorted by prefix; an unreadable value is ignored, as pilot-agent does. */
  private static List<HistogramBucketSettings> histogramBuckets(Map<String, String> annotations) {
    String value = annotations.get(HISTOGRAM_ANNOTATION);
    if (value == null) {
      return List.of();
    }
    Map<String, List<Double>> byPrefix = new TreeMap<>();
    try {
      JsonNode tree = JSON.readTree(value);
      if (tree == null || !tree.isObject()) {
        return List.of();
      }
      for (Map.Entry<String, JsonNode> e : tree.properties()) {
        if (!e.getValue().isArray()) {
          return List.of();
        }
        List<Double> buckets = new ArrayList<>();
        for (JsonNode n : e.getValue()) {
          if (!n.isNumber()) {
            return List.of();
          }
          buckets.add(n.doubleValue());
        }
        byPrefix.put(e.getKey(), buckets);
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return List.of();
    }
    List<HistogramBucketSettings> out = new ArrayList<>();
    byPrefix.forEach((prefix, buckets) -> out.add(HistogramBucketSettings.newBuilder()
        .setMatch(StringMatcher.newBuilder().setPrefix(prefix)).addAllBuckets(buckets).build()));
    return out;
  }

  private static StringMatcher prefix(String p) {
    return StringMatcher.newBuilder().setPrefix(p).build();
  }

  private static TagSpecifier tagSpecifier(String name, String regex) {
    return TagSpecifier.newBuilder().setTagName(name).setRegex(regex).build();
  }

  private static String[] tag(String name, String regex) {
    return new String[] {name, regex};
  }
}
