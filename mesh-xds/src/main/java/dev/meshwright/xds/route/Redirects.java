package dev.meshwright.xds.route;

import com.google.protobuf.ByteString;
import dev.meshwright.api.networking.HTTPBody;
import dev.meshwright.api.networking.HTTPDirectResponse;
import dev.meshwright.api.networking.HTTPRedirect;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.route.v3.DirectResponseAction;
import io.envoyproxy.envoy.config.route.v3.RedirectAction;
import java.util.Optional;

/**
 * VirtualService {@code redirect} and {@code directResponse} to Envoy actions. A redirect keeps the authority and
 * path given (Gateway API's {@code %PREFIX()%} becomes a prefix rewrite); a port derived from the request is the
 * listener port; the default port of the scheme ({@code http}/80, {@code https}/443, the scheme defaulting to the
 * listener's) is left out; codes 301 (default), 302, 303, 307, 308 only. Stateless.
 */
final class Redirects {
  private Redirects() {}

  private static final String PREFIX_MARKER = "%PREFIX()%";

  /** The redirect action; empty for an unsupported code (the route is then left out). */
  static Optional<RedirectAction> redirect(HTTPRedirect in, RouteContext ctx, Semantics semantics) {
    RedirectAction.Builder out = RedirectAction.newBuilder().setHostRedirect(in.authority().orElse(""));
    String uri = in.uri().orElse("");
    if (semantics == Semantics.GATEWAY_API && uri.startsWith(PREFIX_MARKER)) {
      out.setPrefixRewrite(uri.substring(PREFIX_MARKER.length()));
    } else {
      out.setPathRedirect(uri);
    }
    in.scheme().filter(s -> !s.isEmpty()).ifPresent(out::setSchemeRedirect);
    if (in.port().isPresent() || in.derivePort().isPresent()) {
      int port = in.port().orElse(0);
      if (in.derivePort().orElse(null) == HTTPRedirect.RedirectPortSelection.FROM_REQUEST_PORT) {
        port = ctx.listenPort();
      }
      String scheme = in.scheme().filter(s -> !s.isEmpty())
          .orElse(ctx.tls() == RouteContext.ListenerTls.TERMINATED ? "https" : "http");
      if ((port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"))) {
        port = 0;
      }
      out.setPortRedirect(port);
    }
    RedirectAction.RedirectResponseCode code;
    switch (in.redirectCode().orElse(0)) {
      case 0, 301 -> code = RedirectAction.RedirectResponseCode.MOVED_PERMANENTLY;
      case 302 -> code = RedirectAction.RedirectResponseCode.FOUND;
      case 303 -> code = RedirectAction.RedirectResponseCode.SEE_OTHER;
      case 307 -> code = RedirectAction.RedirectResponseCode.TEMPORARY_REDIRECT;
      case 308 -> code = RedirectAction.RedirectResponseCode.PERMANENT_REDIRECT;
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(out.setResponseCode(code).build());
  }

  static DirectResponseAction directResponse(HTTPDirectResponse in) {
    DirectResponseAction.Builder out = DirectResponseAction.newBuilder().setStatus(in.status().orElse(0));
    in.body().ifPresent(b -> {
      if (b instanceof HTTPBody.Text t) {
        out.setBody(DataSource.newBuilder().setInlineString(t.value()));
      } else if (b instanceof HTTPBody.Bytes bytes) {
        out.setBody(DataSource.newBuilder().setInlineBytes(ByteString.copyFrom(bytes.value())));
      }
    });
    return out.build();
  }
}
