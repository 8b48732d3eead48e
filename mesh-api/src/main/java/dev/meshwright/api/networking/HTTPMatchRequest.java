package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Conditions a request must all meet (AND) to select an {@link HTTPRoute}
 * ({@code istio.networking.v1alpha3.HTTPMatchRequest}). Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableHTTPMatchRequest.class)
@JsonDeserialize(as = ImmutableHTTPMatchRequest.class)
public interface HTTPMatchRequest {
  /** A name for the match, appended to the route's name in logs. */
  Optional<String> name();

  /** The path. */
  Optional<StringMatch> uri();

  /** The URI scheme ({@code http}, {@code https}). */
  Optional<StringMatch> scheme();

  /** The HTTP method. */
  Optional<StringMatch> method();

  /** The authority (Host) header. */
  Optional<StringMatch> authority();

  /** Header conditions keyed by lower-case name; an empty match means "present". */
  Map<String, StringMatch> headers();

  /** The port the request arrived on. */
  Optional<Integer> port();

  /** Labels the calling workload must have. */
  Map<String, String> sourceLabels();

  /** Gateways (or {@code mesh}) this condition is limited to; overrides the VirtualService's gateways. */
  List<String> gateways();

  /** Query parameter conditions (exact or regex). */
  Map<String, StringMatch> queryParams();

  /** Whether the {@link #uri()} match ignores case. */
  Optional<Boolean> ignoreUriCase();

  /** Header conditions that must not hold. */
  Map<String, StringMatch> withoutHeaders();

  /** The calling workload's namespace. */
  Optional<String> sourceNamespace();

  /** A stat prefix for the route's statistics. */
  Optional<String> statPrefix();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link HTTPMatchRequest}. */
  final class Builder extends ImmutableHTTPMatchRequest.Builder {}
}
