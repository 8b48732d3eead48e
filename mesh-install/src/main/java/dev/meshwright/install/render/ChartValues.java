package dev.meshwright.install.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * The values one of Istio's 1.22.8 charts renders with, as its {@code zzz_profile.yaml} assembles them: the
 * chart's own defaults (its {@code values.yaml} {@code defaults:} root, stamped with the release hub
 * {@code docker.io/istio} and tag {@code 1.22.8}), then the Helm profile named by {@code profile}, then the
 * {@code compatibility-version-<v>} file named by {@code compatibilityVersion}, then (ztunnel only) the
 * passed {@code global} map flattened onto the root, then the passed values. Maps merge, everything else
 * (an empty string included) replaces. Stateless.
 */
final class ChartValues {
  private static final Set<String> HELM_PROFILES =
      Set.of("demo", "ambient", "openshift", "openshift-ambient", "preview", "stable");
  private static final Set<String> COMPATIBILITY_VERSIONS = Set.of("1.20", "1.21");

  private ChartValues() {}

  /** The chart whose defaults {@code component} renders from; gateways and istiod-remote keep the shared tree. */
  static String chartFile(Component component) {
    return switch (component) {
      case BASE -> "charts/base.yaml";
      case PILOT -> "charts/istiod.yaml";
      case CNI -> "charts/istio-cni.yaml";
      case ZTUNNEL -> "charts/ztunnel.yaml";
      default -> "chart-defaults.yaml";
    };
  }

  /** The chart's defaults file for {@code chart}. */
  static String chartFile(HelmChart chart) {
    return switch (chart) {
      case BASE -> chartFile(Component.BASE);
      case ISTIOD -> chartFile(Component.PILOT);
      case CNI -> chartFile(Component.CNI);
      case ZTUNNEL -> chartFile(Component.ZTUNNEL);
      case GATEWAY -> "gateway-chart-defaults.yaml";
    };
  }

  /**
   * The effective values of the chart whose defaults live in {@code defaultsFile}, given the values passed to
   * it; {@code where} prefixes the path of a problem (an unknown profile or compatibility version).
   */
  static ObjectNode effective(String defaultsFile, ObjectNode passed, String where) {
    ObjectNode values = RenderValues.load(defaultsFile).orElseThrow();
    ObjectNode profile = Tree.NODES.objectNode();
    String name = Tree.text(passed, "profile", "");
    if (!name.isEmpty() && !name.equals("default")) {
      if (!HELM_PROFILES.contains(name)) {
        throw new RenderProblem(where + "profile", "unknown profile " + name);
      }
      Tree.mergeValues(profile, RenderValues.load("helm-profiles/" + name + ".yaml").orElseThrow());
    }
    String version = Tree.text(passed, "compatibilityVersion", "");
    if (!version.isEmpty()) {
      if (!COMPATIBILITY_VERSIONS.contains(version)) {
        throw new RenderProblem(where + "compatibilityVersion", "unknown compatibility version " + version);
      }
      Tree.mergeValues(profile, RenderValues.load("helm-profiles/compatibility-version-" + version + ".yaml")
          .orElseThrow());
    }
    Tree.mergeValues(values, profile);
    if (defaultsFile.equals(chartFile(Component.ZTUNNEL))) {
      Tree.mergeValues(values, passed.path("global"));
    }
    return Tree.mergeValues(values, passed);
  }
}
