package dev.meshwright.install;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The paths of the IstioOperator spec that {@code --set} may write, and the nearest-path suggestions for
 * an unknown one. Below {@code values}, {@code unvalidatedValues}, {@code meshConfig}, a component's
 * {@code spec} and each {@code k8s} field any key is accepted (those are free-form or Kubernetes types).
 * Stateless.
 */
public final class SpecPaths {
  private static final Set<String> SCALARS = Set.of("profile", "installPackagePath", "hub", "tag",
      "resourceSuffix", "namespace", "revision", "compatibilityVersion");
  private static final Set<String> FREE = Set.of("values", "unvalidatedValues", "meshConfig", "addonComponents");
  private static final List<String> CORE = List.of("base", "pilot", "cni", "ztunnel", "istiodRemote");
  private static final List<String> GATEWAYS = List.of("ingressGateways", "egressGateways");
  private static final List<String> COMPONENT_FIELDS = List.of("enabled", "namespace", "hub", "tag", "spec", "k8s");
  private static final List<String> GATEWAY_FIELDS = List.of("enabled", "namespace", "name", "label", "hub", "tag", "k8s");
  private static final List<String> K8S_FIELDS = List.of("affinity", "env", "hpaSpec", "imagePullPolicy",
      "nodeSelector", "podDisruptionBudget", "podAnnotations", "priorityClassName", "readinessProbe",
      "replicaCount", "resources", "service", "strategy", "tolerations", "serviceAnnotations",
      "securityContext", "volumes", "volumeMounts", "overlays");

  /** Every known path, dot-joined, down to the k8s fields. */
  public static final List<String> KNOWN = known();

  private SpecPaths() {}

  private static List<String> known() {
    List<String> out = new ArrayList<>(SCALARS);
    out.addAll(FREE);
    out.add("components");
    List<String> comps = new ArrayList<>(CORE);
    comps.addAll(GATEWAYS);
    for (String c : comps) {
      String p = "components." + c;
      out.add(p);
      for (String f : GATEWAYS.contains(c) ? GATEWAY_FIELDS : COMPONENT_FIELDS) {
        out.add(p + "." + f);
        if (f.equals("k8s")) {
          K8S_FIELDS.forEach(k -> out.add(p + ".k8s." + k));
        }
      }
    }
    return out.stream().sorted().toList();
  }

  /** An error message with suggestions when {@code keys} (a path's map keys) is not a spec path, else empty. */
  public static Optional<String> check(List<String> keys) {
    if (keys.isEmpty()) {
      return Optional.of("empty path");
    }
    String top = keys.get(0);
    boolean ok;
    if (SCALARS.contains(top)) {
      ok = keys.size() == 1;
    } else if (FREE.contains(top)) {
      ok = true;
    } else if (top.equals("components")) {
      ok = checkComponent(keys);
    } else {
      ok = false;
    }
    return ok ? Optional.empty() : Optional.of("unknown path " + String.join(".", keys)
        + "; nearest valid paths: " + String.join(", ", nearest(String.join(".", keys), 3)));
  }

  private static boolean checkComponent(List<String> keys) {
    if (keys.size() == 1) {
      return true;
    }
    String comp = keys.get(1);
    boolean gateway = GATEWAYS.contains(comp);
    if (!gateway && !CORE.contains(comp)) {
      return false;
    }
    if (keys.size() == 2) {
      return true;
    }
    String field = keys.get(2);
    if (!(gateway ? GATEWAY_FIELDS : COMPONENT_FIELDS).contains(field)) {
      return false;
    }
    if (field.equals("k8s") && keys.size() > 3) {
      return K8S_FIELDS.contains(keys.get(3));
    }
    return field.equals("k8s") || field.equals("spec") || field.equals("label") || keys.size() == 3;
  }

  /** The {@code n} known paths nearest to {@code path} by edit distance (ties in name order). */
  public static List<String> nearest(String path, int n) {
    return KNOWN.stream().sorted(Comparator.comparingInt((String k) -> distance(k, path))
        .thenComparing(Comparator.naturalOrder())).limit(n).toList();
  }

  /** The Levenshtein distance of two strings. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
