package dev.meshwright.api.networking;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.meshwright.api.json.RemovedFields;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One HTTP rule of a VirtualService ({@code istio.networking.v1alpha3.HTTPRoute}): the requests it takes
 * ({@link #match()}, all when empty) and what happens to them, which is exactly one of forwarding
 * ({@link #route()}), {@link #redirect()}, {@link #directResponse()} or {@link #delegate()}, plus optional
 * rewrite, timeout, retries, fault injection, mirroring, CORS and header changes. Immutable.
 *
 * <p>Fields removed from the proto (their names are reserved) are read with a warning and ignored
 * ({@link RemovedFields}); any other unknown field stays an error.
 */
@Value.Immutable
@RemovedFields({
    "websocketUpgrade", "websocket_upgrade", "appendHeaders", "append_headers", "removeResponseHeaders",
    "remove_response_headers", "appendResponseHeaders", "append_response_headers", "removeRequestHeaders",
    "remove_request_headers", "appendRequestHeaders", "append_request_headers"})
@JsonSerialize(as = ImmutableHTTPRoute.class)
@JsonDeserialize(as = ImmutableHTTPRoute.class)
public interface HTTPRoute {
  /** A name for the rule, shown in access logs and warnings. */
  Optional<String> name();

  /** Conditions, any of which selects the rule (OR); every request when empty. */
  List<HTTPMatchRequest> match();

  /** Weighted destinations to forward to. */
  List<HTTPRouteDestination> route();

  /** Answer with a redirect instead of forwarding. */
  Optional<HTTPRedirect> redirect();

  /** Answer with a fixed response instead of forwarding. */
  Optional<HTTPDirectResponse> directResponse();

  /** Hand the matched requests to the routes of another (delegate) VirtualService. */
  Optional<Delegate> delegate();

  /** Rewrite the path or authority before forwarding. */
  Optional<HTTPRewrite> rewrite();

  /** The request timeout; none when absent. */
  Optional<Duration> timeout();

  /** The retry policy. */
  Optional<HTTPRetry> retries();

  /** Delays or aborts to inject. */
  Optional<HTTPFaultInjection> fault();

  /** A destination that receives a copy of each request (responses ignored). */
  Optional<Destination> mirror();

  /** Several mirror destinations, each with its own percentage; excludes {@link #mirror()}. */
  List<HTTPMirrorPolicy> mirrors();

  /** The whole percentage of requests mirrored; deprecated in favour of {@link #mirrorPercentage()}. */
  @JsonAlias("mirror_percent")
  Optional<Integer> mirrorPercent();

  /** The percentage of requests mirrored to {@link #mirror()}; 100 when absent. */
  Optional<Percent> mirrorPercentage();

  /** The CORS policy. */
  Optional<CorsPolicy> corsPolicy();

  /** Header changes for requests and responses. */
  Optional<Headers> headers();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link HTTPRoute}. */
  final class Builder extends ImmutableHTTPRoute.Builder {}
}
