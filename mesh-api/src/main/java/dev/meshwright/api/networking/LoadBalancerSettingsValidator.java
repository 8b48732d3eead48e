package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.networking.LoadBalancerSettings.ConsistentHashLB;
import dev.meshwright.api.networking.LoadBalancerSettings.ConsistentHashLB.MagLev;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Istio's load balancer rules ({@code validateLoadBalancer} and {@code ValidateLocalityLbSetting}): consistent
 * hash keys and algorithms, and locality distribution/failover. Stateless.
 */
final class LoadBalancerSettingsValidator {
  private static final long MAGLEV_TABLE_LIMIT = 5000011L;
  private static final Set<String> TOPOLOGY_LABELS = Set.of(
      "topology.kubernetes.io/region", "topology.kubernetes.io/zone", "topology.istio.io/subzone");

  private LoadBalancerSettingsValidator() {}

  static void validate(LoadBalancerSettings settings, Optional<OutlierDetection> outlier, Problems p) {
    settings.consistentHash().ifPresent(hash -> consistentHash(hash, p.at("consistentHash")));
    settings.localityLbSetting().ifPresent(lb -> locality(lb, outlier, p.at("localityLbSetting")));
  }

  private static void consistentHash(ConsistentHashLB hash, Problems p) {
    hash.httpCookie().ifPresent(cookie -> {
      if (cookie.name().orElse("").isEmpty()) {
        p.at("httpCookie").at("name").error("name required for HttpCookie");
      }
    });
    long ringSize = hash.minimumRingSize().orElse(0L);
    if (ringSize != 0) {
      p.at("minimumRingSize").warning(
          "consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead");
      if (hash.ringHash().isPresent() || hash.maglev().isPresent()) {
        p.at("minimumRingSize").error("only one of MinimumRingSize or Maglev/Ringhash can be specified");
      }
    }
    hash.maglev().ifPresent(maglev -> maglev(maglev, p.at("maglev").at("tableSize")));
  }

  private static void maglev(MagLev maglev, Problems p) {
    long size = maglev.tableSize().orElse(0L);
    if (size == 0) {
      p.error("tableSize must be set for maglev");
    }
    if (Long.compareUnsigned(size, MAGLEV_TABLE_LIMIT) >= 0) {
      p.error("tableSize must be less than 5000011 for maglev");
    }
    if (!isPrime(size)) {
      p.error("tableSize must be a prime number for maglev");
    }
  }

  /** Envoy's primality test (0 counts as not prime, 1..3 as prime). */
  static boolean isPrime(long x) {
    if (x != 0 && Long.compareUnsigned(x, 4) < 0) {
      return true;
    }
    if ((x & 1) == 0) {
      return false;
    }
    long limit = (long) Math.sqrt(x < 0 ? (double) (x >>> 1) * 2.0 : (double) x);
    for (long factor = 3; factor <= limit; factor += 2) {
      if (Long.remainderUnsigned(x, factor) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Istio's locality load-balancing rules; the first distribution error ends the check, as in Istio. */
  static void locality(LocalityLoadBalancerSetting lb, Optional<OutlierDetection> outlier, Problems p) {
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
