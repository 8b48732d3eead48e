package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.networking.LoadBalancerSettings.ConsistentHashLB;
import dev.meshwright.api.networking.LoadBalancerSettings.ConsistentHashLB.MagLev;
import java.util.Optional;

/**
 * Istio's load balancer rules ({@code validateLoadBalancer}): consistent hash keys and algorithms; the
 * locality distribution/failover rules are {@link LocalityLbChecks}'. Stateless.
 */
final class LoadBalancerSettingsValidator {
  private static final long MAGLEV_TABLE_LIMIT = 5000011L;

  private LoadBalancerSettingsValidator() {}

  static void validate(LoadBalancerSettings settings, Optional<OutlierDetection> outlier, Problems p) {
    settings.consistentHash().ifPresent(hash -> consistentHash(hash, p.at("consistentHash")));
    settings.localityLbSetting().ifPresent(lb -> LocalityLbChecks.validate(lb, outlier, p.at("localityLbSetting")));
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
}
