package dev.meshwright.api.mesh;

import dev.meshwright.api.Problems;
import dev.meshwright.api.networking.LocalityLoadBalancerSetting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Istio's locality load-balancing rules (ValidateLocalityLbSetting), as applied to the mesh-wide setting,
 * where an outlier detection policy is always assumed present (so no failover warning).
 */
final class LocalityChecks {
  private static final Set<String> TOPOLOGY_LABELS =
      Set.of("topology.kubernetes.io/region", "topology.kubernetes.io/zone", "topology.istio.io/subzone");

  private LocalityChecks() {}

  static void validate(LocalityLoadBalancerSetting lb, Problems p) {
    if (!lb.distribute().isEmpty() && !lb.failover().isEmpty()) {
      p.error("can not simultaneously specify 'distribute' and 'failover'");
      return;
    }
    if (!lb.failover().isEmpty()) {
      for (String label : lb.failoverPriority()) {
        if (TOPOLOGY_LABELS.contains(label)) {
          p.at("failoverPriority").error(
              "can not simultaneously set 'failover' and topology label '" + label + "' in 'failover_priority'");
          return;
        }
      }
    }
    List<String> sources = new ArrayList<>();
    for (int i = 0; i < lb.distribute().size(); i++) {
      LocalityLoadBalancerSetting.Distribute d = lb.distribute().get(i);
      Problems dp = p.at("distribute", i);
      sources.add(d.from().orElse(""));
      long total = 0;
      for (Map.Entry<String, Integer> to : d.to().entrySet()) {
        if (to.getValue() <= 0 || to.getValue() > 100) {
          dp.at("to").error("locality weight must be in range [1, 100]");
          return;
        }
        total += to.getValue();
      }
      if (total != 100) {
        dp.at("to").error("total locality weight " + total + " != 100");
        return;
      }
      localities(new ArrayList<>(d.to().keySet()), dp.at("to"));
    }
    localities(sources, p.at("distribute"));
    for (int i = 0; i < lb.failover().size(); i++) {
      String from = lb.failover().get(i).from().orElse("");
      String to = lb.failover().get(i).to().orElse("");
      Problems fp = p.at("failover", i);
      if (from.equals(to)) {
        fp.error("locality lb failover settings must specify different regions");
      }
      if (from.contains("/") || to.contains("/")) {
        fp.error("locality lb failover only specify region");
      }
      if (from.contains("*") || to.contains("*")) {
        fp.error("locality lb failover region should not contain '*' wildcard");
      }
    }
  }

  /** Localities must not be empty in any part, use at most one trailing wildcard, and not overlap. */
  private static void localities(List<String> localities, Problems p) {
    Map<String, Map<String, Map<String, Boolean>>> seen = new HashMap<>();
    for (String locality : localities) {
      long stars = locality.chars().filter(c -> c == '*').count();
      if (stars > 0 && (stars > 1 || !locality.endsWith("*"))) {
        p.error("locality " + locality + " wildcard '*' number can not exceed 1 and must be in the end");
        return;
      }
      String overlap = "locality " + locality + " overlap with previous specified ones";
      if (seen.containsKey("*")) {
        p.error(overlap);
        return;
      }
      String[] parts = locality.split("/", 3);
      for (String part : parts) {
        if (part.isEmpty()) {
          p.error("locality " + locality + " must not contain empty region/zone/subzone info");
          return;
        }
      }
      String region = parts[0];
      if (parts.length == 1) {
        if (seen.containsKey(region)) {
          p.error(overlap);
          return;
        }
        seen.put(region, new HashMap<>(Map.of("*", new HashMap<>(Map.of("*", true)))));
        continue;
      }
      Map<String, Map<String, Boolean>> zones = seen.get(region);
      String zone = parts[1];
      if (parts.length == 2) {
        if (zones != null && (zones.containsKey("*") || zones.containsKey(zone))) {
          p.error(overlap);
          return;
        }
        seen.computeIfAbsent(region, k -> new HashMap<>()).put(zone, new HashMap<>(Map.of("*", true)));
        continue;
      }
      String subzone = parts[2];
      if (zones != null) {
        if (zones.containsKey("*")) {
          p.error(overlap);
          return;
        }
        Map<String, Boolean> subzones = zones.get(zone);
        if (subzones != null && (subzones.getOrDefault("*", false) || subzones.getOrDefault(subzone, false))) {
          p.error(overlap);
          return;
        }
      }
      seen.computeIfAbsent(region, k -> new HashMap<>()).computeIfAbsent(zone, k -> new HashMap<>()).put(subzone, true);
    }
  }
}
