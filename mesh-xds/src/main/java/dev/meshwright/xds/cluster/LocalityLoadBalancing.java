package dev.meshwright.xds.cluster;

import dev.meshwright.api.networking.LocalityLoadBalancerSetting;
import io.envoyproxy.envoy.config.core.v3.Locality;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Locality load balancing on a load assignment, as Istio applies it: the effective setting (a DestinationRule's
 * over the mesh's, none when disabled); {@code distribute} re-weights the localities of the first rule matching
 * the proxy and empties the rest; otherwise, when outlier detection is on, {@code failoverPriority} splits
 * localities by how many labels the endpoints share with the proxy, and {@code failover} ranks localities by
 * proximity (same subzone, zone, region, a failover region, elsewhere). Priorities are renumbered 0..n-1. Pure.
 */
final class LocalityLoadBalancing {
  private LocalityLoadBalancing() {}

  /** The setting in force: none when the DR (or, without one, the mesh) disables it; the DR's over the mesh's. */
  static Optional<LocalityLoadBalancerSetting> effective(Optional<LocalityLoadBalancerSetting> mesh,
      Optional<LocalityLoadBalancerSetting> rule) {
    boolean enabled = mesh.isPresent() && mesh.get().enabled().orElse(true);
    if (rule.isPresent()) {
      enabled = rule.get().enabled().orElse(true);
    }
    if (!enabled) {
      return Optional.empty();
    }
    return rule.isPresent() ? rule : mesh;
  }

  /**
   * Applies {@code setting} to {@code groups} in place (and may replace them); {@code withLabels} says whether
   * endpoint labels are known (EDS) so failover priorities can apply.
   */
  static List<LocalityGroup> apply(List<LocalityGroup> groups, Locality proxy, Map<String, String> proxyLabels,
      LocalityLoadBalancerSetting setting, boolean failoverEnabled, boolean withLabels) {
    if (!setting.distribute().isEmpty()) {
      distribute(groups, proxy, setting.distribute());
      return groups;
    }
    if (!failoverEnabled || !setting.enabled().orElse(true)) {
      return groups;
    }
    if (!setting.failoverPriority().isEmpty()) {
      if (proxyLabels.isEmpty() || !withLabels || groups.isEmpty()) {
        return groups;
      }
      List<LocalityGroup> out = priorityFailover(groups, proxyLabels, setting.failoverPriority());
      if (!setting.failover().isEmpty()) {
        localityFailover(out, proxy, setting.failover());
      }
      return out;
    }
    localityFailover(groups, proxy, setting.failover());
    return groups;
  }

  private static void distribute(List<LocalityGroup> groups, Locality proxy,
      List<LocalityLoadBalancerSetting.Distribute> rules) {
    for (LocalityLoadBalancerSetting.Distribute rule : rules) {
      if (!Localities.matches(proxy, rule.from().orElse(""))) {
        continue;
      }
      boolean[] matched = new boolean[groups.size()];
      for (Map.Entry<String, Integer> to : rule.to().entrySet()) {
        Map<Integer, Long> original = new TreeMap<>();
        long total = 0;
        for (int i = 0; i < groups.size(); i++) {
          if (!matched[i] && Localities.matches(groups.get(i).locality, to.getKey())) {
            matched[i] = true;
            Integer w = groups.get(i).weight;
            long ow = w == null ? 1 : Integer.toUnsignedLong(w);
            original.put(i, ow);
            total += ow;
          }
        }
        for (Map.Entry<Integer, Long> e : original.entrySet()) {
          double dest = (double) (e.getValue() * to.getValue()) / (double) total;
          if (dest > 0) {
            groups.get(e.getKey()).weight = (int) Math.ceil(dest);
          }
        }
      }
      for (int i = 0; i < groups.size(); i++) {
        if (!matched[i]) {
          groups.get(i).endpoints.clear();
          groups.get(i).labels.clear();
        }
      }
      return;
    }
  }

  private static void localityFailover(List<LocalityGroup> groups, Locality proxy,
      List<LocalityLoadBalancerSetting.Failover> failover) {
    for (LocalityGroup g : groups) {
      int p = Localities.priority(proxy, g.locality);
      if (p == 3) {
        for (LocalityLoadBalancerSetting.Failover f : failover) {
          if (f.from().orElse("").equals(proxy.getRegion())) {
            if (!g.locality.getRegion().equals(f.to().orElse(""))) {
              p = 4;
            }
            break;
          }
        }
      }
      g.priority = g.priority * 5 + p;
    }
    renumber(groups);
  }

  private static List<LocalityGroup> priorityFailover(List<LocalityGroup> groups, Map<String, String> proxyLabels,
      List<String> priorities) {
    List<String> keys = new ArrayList<>();
    Map<String, String> overrides = new TreeMap<>();
    for (String p : priorities) {
      String[] kv = p.split("=", -1);
      keys.add(kv[0]);
      if (kv.length == 2) {
        overrides.put(kv[0], kv[1]);
      }
    }
    List<LocalityGroup> out = new ArrayList<>();
    for (LocalityGroup g : groups) {
      TreeMap<Integer, LocalityGroup> byPriority = new TreeMap<>();
      for (int i = 0; i < g.endpoints.size(); i++) {
        int prio = 0;
        for (int j = 0; j < keys.size(); j++) {
          String label = keys.get(j);
          String mine = overrides.getOrDefault(label, proxyLabels.getOrDefault(label, ""));
          if (!mine.equals(g.labels.get(i).getOrDefault(label, ""))) {
            prio = keys.size() - j;
            break;
          }
        }
        final int fp = prio;
        byPriority.computeIfAbsent(prio, k -> {
          LocalityGroup n = new LocalityGroup(g.locality);
          n.priority = fp;
          return n;
        }).add(g.endpoints.get(i), g.labels.get(i));
      }
      for (LocalityGroup n : byPriority.values()) {
        n.weight = n.weightSum();
        out.add(n);
      }
    }
    renumber(out);
    return out;
  }

  private static void renumber(List<LocalityGroup> groups) {
    List<Integer> distinct = groups.stream().map(g -> g.priority).distinct().sorted().toList();
    for (LocalityGroup g : groups) {
      g.priority = distinct.indexOf(g.priority);
    }
  }
}
