package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How requests are spread over a service's endpoints ({@code istio.networking.v1alpha3.LoadBalancerSettings}):
 * a {@link #simple()} algorithm or a {@link #consistentHash()}, plus locality settings. Immutable; setting both
 * policies fails with {@link IllegalStateException}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableLoadBalancerSettings.class)
@JsonDeserialize(as = ImmutableLoadBalancerSettings.class)
public interface LoadBalancerSettings {
  /** A standard algorithm (one of the {@code lb_policy} oneof). */
  Optional<SimpleLB> simple();

  /** Session affinity by hashing (the other member of the {@code lb_policy} oneof). */
  Optional<ConsistentHashLB> consistentHash();

  /** Locality-weighted load balancing; overrides the mesh setting. */
  Optional<LocalityLoadBalancerSetting> localityLbSetting();

  /** How long a new endpoint is ramped up before it gets its full share. */
  Optional<Duration> warmupDurationSecs();

  /** Standard load-balancing algorithms. */
  enum SimpleLB {
    UNSPECIFIED,
    /** Deprecated: use {@link #LEAST_REQUEST}. */
    LEAST_CONN,
    RANDOM,
    PASSTHROUGH,
    ROUND_ROBIN,
    LEAST_REQUEST
  }

  @Value.Check
  default void checkOneof() {
    if (simple().isPresent() && consistentHash().isPresent()) {
      throw new IllegalStateException("only one of simple or consistentHash may be set");
    }
  }

  /**
   * Consistent-hash load balancing ({@code LoadBalancerSettings.ConsistentHashLB}): one hash key (header,
   * cookie, source IP or query parameter) and at most one algorithm (ring hash or Maglev).
   */
  @Value.Immutable
  @JsonSerialize(as = ImmutableConsistentHashLB.class)
  @JsonDeserialize(as = ImmutableConsistentHashLB.class)
  interface ConsistentHashLB {
    /** Hash on this request header. */
    Optional<String> httpHeaderName();

    /** Hash on this cookie, generated when absent. */
    Optional<HTTPCookie> httpCookie();

    /** Hash on the source IP address. */
    Optional<Boolean> useSourceIp();

    /** Hash on this query parameter. */
    Optional<String> httpQueryParameterName();

    /** Ring-hash algorithm settings. */
    Optional<RingHash> ringHash();

    /** Maglev algorithm settings. */
    Optional<MagLev> maglev();

    /** Deprecated: use {@link RingHash#minimumRingSize()}. */
    Optional<Long> minimumRingSize();

    @Value.Check
    default void checkOneofs() {
      List<String> keys = new ArrayList<>();
      httpHeaderName().ifPresent(x -> keys.add("httpHeaderName"));
      httpCookie().ifPresent(x -> keys.add("httpCookie"));
      useSourceIp().ifPresent(x -> keys.add("useSourceIp"));
      httpQueryParameterName().ifPresent(x -> keys.add("httpQueryParameterName"));
      if (keys.size() > 1) {
        throw new IllegalStateException("only one of " + keys.get(0) + " or " + keys.get(1) + " may be set");
      }
      if (ringHash().isPresent() && maglev().isPresent()) {
        throw new IllegalStateException("only one of ringHash or maglev may be set");
      }
    }

    /** Ring-hash settings ({@code ConsistentHashLB.RingHash}). */
    @Value.Immutable
    @JsonSerialize(as = ImmutableRingHash.class)
    @JsonDeserialize(as = ImmutableRingHash.class)
    interface RingHash {
      /** Minimum number of virtual nodes on the ring. */
      Optional<Long> minimumRingSize();

      static Builder builder() {
        return new Builder();
      }

      /** Builds {@link RingHash}. */
      final class Builder extends ImmutableRingHash.Builder {}
    }

    /** Maglev settings ({@code ConsistentHashLB.MagLev}). */
    @Value.Immutable
    @JsonSerialize(as = ImmutableMagLev.class)
    @JsonDeserialize(as = ImmutableMagLev.class)
    interface MagLev {
      /** Lookup table size; must be a prime below 5000011. */
      Optional<Long> tableSize();

      static Builder builder() {
        return new Builder();
      }

      /** Builds {@link MagLev}. */
      final class Builder extends ImmutableMagLev.Builder {}
    }

    /** The cookie hashed on ({@code ConsistentHashLB.HTTPCookie}). */
    @Value.Immutable
    @JsonSerialize(as = ImmutableHTTPCookie.class)
    @JsonDeserialize(as = ImmutableHTTPCookie.class)
    interface HTTPCookie {
      /** The cookie's name; required. */
      Optional<String> name();

      /** The cookie's path. */
      Optional<String> path();

      /** Lifetime of a generated cookie. */
      Optional<Duration> ttl();

      static Builder builder() {
        return new Builder();
      }

      /** Builds {@link HTTPCookie}. */
      final class Builder extends ImmutableHTTPCookie.Builder {}
    }

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link ConsistentHashLB}. */
    final class Builder extends ImmutableConsistentHashLB.Builder {}
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link LoadBalancerSettings}. */
  final class Builder extends ImmutableLoadBalancerSettings.Builder {}
}
