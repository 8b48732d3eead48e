package dev.meshwright.inject.webhook;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads proxy environment variables from an injection URL path, as Istio 1.22's injector does for multi-cluster
 * webhooks: {@code /inject/cluster/c1/net/n1} sets {@code ISTIO_META_CLUSTER_ID=c1} and
 * {@code ISTIO_META_NETWORK=n1}; any other key is upper-cased into a variable name; {@code --slash--} in a value
 * stands for {@code /}; a trailing key without a value is ignored. The deprecated form
 * {@code /inject/:ENV:K=V:ENV:K2=V2} is read too. Stateless.
 */
final class InjectPaths {
  private static final Map<String, String> KNOWN = Map.of(
      "cluster", "ISTIO_META_CLUSTER_ID",
      "net", "ISTIO_META_NETWORK");

  private InjectPaths() {}

  /** Whether the webhook serves {@code path}: {@code /inject} or anything below {@code /inject/}. */
  static boolean isInjectPath(String path) {
    return path.equals("/inject") || path.startsWith("/inject/");
  }

  /** The variables {@code path} names, in path order; empty for {@code /inject}. */
  static Map<String, String> proxyEnvs(String path) {
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String[] parts = trimmed.split("/", 3);
    Map<String, String> out = new LinkedHashMap<>();
    if (parts.length < 3) {
      return out;
    }
    String rest = parts[2];
    if (rest.startsWith(":ENV:")) {
      for (String pair : rest.substring(":ENV:".length()).split(":ENV:", -1)) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
      return out;
    }
    String[] items = rest.split("/", -1);
    for (int i = 0; i + 1 < items.length; i += 2) {
      String env = KNOWN.getOrDefault(items[i], items[i].toUpperCase(Locale.ROOT));
      if (!env.isEmpty()) {
        out.put(env, items[i + 1].replace("--slash--", "/"));
      }
    }
    return out;
  }
}
