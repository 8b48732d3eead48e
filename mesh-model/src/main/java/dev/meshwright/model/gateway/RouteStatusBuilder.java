package dev.meshwright.model.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collapses a route's (parentRef, parent) results into one status entry per parentRef, as Istio does: the
 * best-ranked outcome wins (success, then not allowed, no hostname, conflict, no matching parent), denials
 * of that rank are joined, and parentRefs with only worse outcomes are left out. Stateless.
 */
final class RouteStatusBuilder {
  private static final List<String> RANKING = List.of("", ParentError.NOT_ALLOWED, ParentError.NO_HOSTNAME,
      ParentError.PARENT_REF_CONFLICT, ParentError.NOT_ACCEPTED);

  private RouteStatusBuilder() {}

  /**
   * One parent's result.
   *
   * @param parent the resolved parent
   * @param routeError the route-level conversion error for this parent type, or null
   */
  record Result(RouteParent parent, ConfigError routeError) {}

  static List<RouteParentStatus> build(List<Result> results, long generation, Clock clock) {
    Map<Integer, List<Result>> seen = new LinkedHashMap<>();
    Set<String> reasons = new HashSet<>();
    Map<Integer, Integer> successes = new LinkedHashMap<>();
    for (Result r : results) {
      int k = r.parent().refIndex();
      if (r.parent().denied() == null) {
        successes.merge(k, 1, Integer::sum);
        reasons.add("");
      } else {
        reasons.add(r.parent().denied().reason());
      }
      seen.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
    }
    Map<Integer, Result> report = new LinkedHashMap<>();
    Map<Integer, ParentError> denials = new LinkedHashMap<>();
    for (String want : RANKING) {
      if (!reasons.contains(want)) {
        continue;
      }
      for (Map.Entry<Integer, List<Result>> e : seen.entrySet()) {
        for (Result r : e.getValue()) {
          ParentError d = r.parent().denied();
          String reason = d == null ? "" : d.reason();
          if (!reason.equals(want)) {
            continue;
          }
          if (report.containsKey(e.getKey())) {
            if (d != null) {
              ParentError existing = denials.get(e.getKey());
              denials.put(e.getKey(), existing == null ? d : existing.joined(d.message()));
            }
          } else {
            report.put(e.getKey(), r);
            if (d != null) {
              denials.put(e.getKey(), d);
            }
          }
        }
      }
      break;
    }
    List<RouteParentStatus> out = new ArrayList<>();
    for (Map.Entry<Integer, Result> e : report.entrySet()) {
      int count = successes.getOrDefault(e.getKey(), 0);
      String msg = count > 1 ? "Route was valid, bound to " + count + " parents" : "Route was valid";
      Conditions conds = new Conditions()
          .put("Accepted", "Accepted", msg)
          .put("ResolvedRefs", "ResolvedRefs", "All references resolved");
      conds.fail("ResolvedRefs", e.getValue().routeError());
      ParentError d = denials.get(e.getKey());
      if (d != null) {
        conds.fail("Accepted", new ConfigError(d.reason(), d.message()));
      }
      RouteParentStatus s = new RouteParentStatus();
      s.setParentRef(e.getValue().parent().reference());
      s.setControllerName(GatewayClasses.GATEWAY_CONTROLLER);
      s.setConditions(conds.build(generation, clock));
      out.add(s);
    }
    out.sort(Comparator.comparing((RouteParentStatus s) -> RouteParent.refString(s.getParentRef())).reversed());
    return out;
  }
}
