package dev.meshwright.xds.server;

import dev.meshwright.xds.TypeUrls;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which a stream sends its types: upserts in {@link TypeUrls#PUSH_ORDER} (CDS, EDS, LDS, RDS, SDS, as
 * Envoy's xDS protocol asks, so nothing arrives before what it names), and removals in the reverse dependency order
 * (LDS, RDS, CDS, EDS, SDS), so nothing is removed while something held still names it. Types neither order names
 * come after all it names, by type URL.
 */
final class TypeOrder {
  private static final Map<String, Integer> PUSH_RANK = rank(TypeUrls.PUSH_ORDER);
  private static final Map<String, Integer> REMOVAL_RANK =
      rank(List.of(TypeUrls.LISTENER, TypeUrls.ROUTE, TypeUrls.CLUSTER, TypeUrls.ENDPOINT, TypeUrls.SECRET));

  private TypeOrder() {}

  /** Compares two type URLs by push order (a comparator for a stream's per-type states). */
  static int push(String a, String b) {
    int c = Integer.compare(place(PUSH_RANK, a), place(PUSH_RANK, b));
    return c != 0 ? c : a.compareTo(b);
  }

  /** A type's place among removals. */
  static int removal(String typeUrl) {
    return place(REMOVAL_RANK, typeUrl);
  }

  private static Map<String, Integer> rank(List<String> order) {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      out.put(order.get(i), i);
    }
    return Map.copyOf(out);
  }

  private static int place(Map<String, Integer> rank, String typeUrl) {
    return rank.getOrDefault(typeUrl, rank.size());
  }
}
