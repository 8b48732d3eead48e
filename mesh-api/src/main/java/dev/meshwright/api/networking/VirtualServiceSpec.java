package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * The spec of a {@link VirtualService} ({@code istio.networking.v1alpha3.VirtualService}): the hosts it
 * answers for, where it applies, and its HTTP, TLS and TCP routes, each list tried in order. A spec
 * without hosts is a delegate, included by another VirtualService's {@link HTTPRoute#delegate()}. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableVirtualServiceSpec.class)
@JsonDeserialize(as = ImmutableVirtualServiceSpec.class)
public interface VirtualServiceSpec {
  /** Destination hosts this applies to: short or fully qualified names, wildcards ({@code *.example.com}) or IPs. */
  List<String> hosts();

  /**
   * Gateways ({@code namespace/name}) and sidecars ({@code mesh}) the routes apply to; only sidecars when
   * empty.
   */
  List<String> gateways();

  /** HTTP routes, matched in order. */
  List<HTTPRoute> http();

  /** Routes for TLS or HTTPS traffic that is passed through, matched by SNI. */
  List<TLSRoute> tls();

  /** Routes for opaque TCP traffic. */
  List<TCPRoute> tcp();

  /** Namespaces this is visible to ({@code .} for its own, {@code *} for all); all when empty. */
  List<String> exportTo();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link VirtualServiceSpec}. */
  final class Builder extends ImmutableVirtualServiceSpec.Builder {}
}
