package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Istio's locality load-balancing rules, shared by DestinationRule traffic policies and the mesh-wide
 * {@code localityLbSetting} of MeshConfig. Reports to a {@link Problems} view with Istio's wording; never
 * throws for bad input. Stateless and thread-safe.
 */
public final class LocalityLbChecks {
  private static final Set<String> TOPOLOGY_LABELS = Set.of(
      "topology.kubernetes.io/region", "topology.kubernetes.io/zone", "topology.istio.io/subzone");

  private LocalityLbChecks() {}

  /**
   * Istio's {@code ValidateLocalityLbSetting}: {@code distribute} and {@code failover} exclude each other,
   * {@code failover} excludes topology labels in {@code failoverPriority}, weights are in [1, 100] and sum to
   * 100, localities are well formed and do not overlap, failover names distinct regions. The first
   * distribution error ends the check, as in Istio. Failover without an outlier detection policy is a warning;
   * the mesh-wide setting passes an empty policy, as Istio does, so it never warns.
   *
   * @param outlier the outlier detection policy next to the setting, if any
   */
  public static void validate(LocalityLoadBalancerSetting lb, Optional<OutlierDetection> outlier, Problems p) {
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
      for (int weight : d.to().values()) {
        if (weight <= 0 || weight > 100) {
          dp.at("to").error("locality weight must be in range [1, 100]");
          return;
        }
        total += weight;
      }
      if (total != 100) {
        dp.at("to").error("total locality weight " + total + " != 100");
        return;
      }
      localities(new ArrayList<>(d.to().keySet())).ifPresent(dp.at("to")::error);
    }
    localities(sources).ifPresent(p.at("distribute")::error);
    if ((!lb.failover().isEmpty() || !lb.failoverPriority().isEmpty()) && outlier.isEmpty()) {
      p.warning("outlier detection policy must be provided for failover");
    }
    for (int i = 0; i < lb.failover().size(); i++) {
      LocalityLoadBalancerSetting.Failover f = lb.failover().get(i);
      String from = f.from().orElse("");
      String to = f.to().orElse("");
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

  /** Istio's {@code validateLocalities}: wildcards only at the end, no empty parts, no overlaps. */
  private static Optional<String> localities(List<String> localities) {
    Map<String, Map<String, Map<String, Boolean>>> seen = new HashMap<>();
    for (String locality : localities) {
      long stars = locality.chars().filter(c -> c == '*').count();
      if (stars > 1 || (stars == 1 && !locality.endsWith("*"))) {
        return Optional.of("locality " + locality + " wildcard '*' number can not exceed 1 and must be in the end");
      }
      String overlap = "locality " + locality + " overlap with previous specified ones";
      if (seen.containsKey("*")) {
        return Optional.of(overlap);
      }
      String[] items = locality.split("/", 3);
      if (hasEmpty(items)) {
        return Optional.of("locality " + locality + " must not contain empty region/zone/subzone info");
      }
      String region = items[0];
      switch (items.length) {
        case 1 -> {
          if (seen.containsKey(region)) {
            return Optional.of(overlap);
          }
          seen.put(region, new HashMap<>(Map.of("*", new HashMap<>(Map.of("*", true)))));
        }
        case 2 -> {
          Map<String, Map<String, Boolean>> zones = seen.get(region);
          if (zones != null) {
            if (zones.containsKey("*") || zones.containsKey(items[1])) {
              return Optional.of(overlap);
            }
            zones.put(items[1], new HashMap<>(Map.of("*", true)));
          } else {
            seen.put(region, new HashMap<>(Map.of(items[1], new HashMap<>(Map.of("*", true)))));
          }
        }
        default -> {
          Map<String, Map<String, Boolean>> zones = seen.get(region);
          if (zones != null) {
            if (zones.containsKey("*")) {
              return Optional.of(overlap);
            }
            Map<String, Boolean> subzones = zones.get(items[1]);
            if (subzones != null) {
              if (subzones.getOrDefault("*", false) || subzones.getOrDefault(items[2], false)) {
                return Optional.of(overlap);
              }
              subzones.put(items[2], true);
            } else {
              zones.put(items[1], new HashMap<>(Map.of(items[2], true)));
            }
          } else {
            seen.put(region, new HashMap<>(Map.of(items[1], new HashMap<>(Map.of(items[2], true)))));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean hasEmpty(String[] items) {
    for (String item : items) {
      if (item.isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
