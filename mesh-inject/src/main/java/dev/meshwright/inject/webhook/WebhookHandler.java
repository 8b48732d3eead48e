package dev.meshwright.inject.webhook;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The HTTP side of the webhook, one per connection, on its event loop. {@code /ready} and {@code /healthz}
 * answer 200; {@code /inject} (and Istio's {@code /inject/...} paths) follow Istio 1.22's order: a body over the
 * size limit is 400, an empty body 400 ({@code no body found}), any {@code Content-Type} other than exactly
 * {@code application/json} 415, else 200 with the AdmissionReview from {@link AdmissionReviews}, computed right
 * here (no hand-off to another thread: the request is complete in memory, so nothing can block). Other paths,
 * {@code /injector} included, are 404.
 *
 * <p>The body is gathered as it arrives. Over the limit it is read on and thrown away up to
 * {@link #DRAIN_BYTES} more, so the client receives the 400 instead of a reset, and the connection is then closed;
 * beyond that it is closed at once. A request the codec cannot parse is 400 and closes the connection. No
 * exception leaves this class: a failure answers 500 when nothing was written, else the connection is closed.
 */
final class WebhookHandler extends SimpleChannelInboundHandler<HttpObject> {
  /** How much of an over-limit body is still read (and thrown away) so the refusal reaches the client. */
  static final long DRAIN_BYTES = 1024 * 1024;

  private static final System.Logger LOG = System.getLogger(WebhookHandler.class.getName());

  private final PodMutator mutator;
  private final long maxRequestBytes;
  private final RequestDeadline deadline;
  private HttpRequest request;
  private CompositeByteBuf body;
  private long received;
  private boolean tooLarge;

  WebhookHandler(PodMutator mutator, long maxRequestBytes, RequestDeadline deadline) {
    this.mutator = Objects.requireNonNull(mutator, "mutator");
    this.maxRequestBytes = maxRequestBytes;
    this.deadline = Objects.requireNonNull(deadline, "deadline");
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
    if (msg.decoderResult().isFailure()) {
      reset();
      reply(ctx, HttpResponseStatus.BAD_REQUEST, "bad request: " + msg.decoderResult().cause().getMessage(), false);
      return;
    }
    if (msg instanceof HttpRequest r) {
      start(ctx, r);
    }
    if (request != null && msg instanceof HttpContent content) {
      append(ctx, content);
    }
  }

  private void start(ChannelHandlerContext ctx, HttpRequest r) {
    reset();
    request = r;
    long declared = HttpUtil.getContentLength(r, -1L);
    if (declared > maxRequestBytes + DRAIN_BYTES) {
      request = null;
      reply(ctx, HttpResponseStatus.BAD_REQUEST, tooLargeMessage(), false);
      return;
    }
    tooLarge = declared > maxRequestBytes;
    if (!tooLarge) {
      body = ctx.alloc().compositeBuffer(Integer.MAX_VALUE);
    }
  }

  private void append(ChannelHandlerContext ctx, HttpContent content) {
    ByteBuf bytes = content.content();
    received += bytes.readableBytes();
    if (!tooLarge && received > maxRequestBytes) {
      tooLarge = true;
      body.release();
      body = null;
    }
    if (tooLarge && received > maxRequestBytes + DRAIN_BYTES) {
      reset();
      reply(ctx, HttpResponseStatus.BAD_REQUEST, tooLargeMessage(), false);
      return;
    }
    if (!tooLarge && bytes.isReadable()) {
      body.addComponent(true, bytes.retain());
    }
    if (content instanceof LastHttpContent) {
      deadline.requestReceived();
      try {
        complete(ctx);
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "webhook request failed", e);
        reply(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error: " + e.getMessage(), false);
      } finally {
        reset();
      }
    }
  }

  private void complete(ChannelHandlerContext ctx) {
    // HTTP/1.0 clients get one answer per connection, which spares them a Connection: keep-alive dialect
    boolean keepAlive = HttpUtil.isKeepAlive(request) && !tooLarge
        && !request.protocolVersion().equals(HttpVersion.HTTP_1_0);
    String path = new QueryStringDecoder(request.uri()).path();
    if (path.equals("/ready") || path.equals("/healthz")) {
      reply(ctx, HttpResponseStatus.OK, "ok", keepAlive);
    } else if (!InjectPaths.isInjectPath(path)) {
      reply(ctx, HttpResponseStatus.NOT_FOUND, "404 page not found", keepAlive);
    } else if (tooLarge) {
      reply(ctx, HttpResponseStatus.BAD_REQUEST, tooLargeMessage(), false);
    } else if (!body.isReadable()) {
      reply(ctx, HttpResponseStatus.BAD_REQUEST, "no body found", keepAlive);
    } else if (!"application/json".equals(request.headers().get(HttpHeaderNames.CONTENT_TYPE))) {
      reply(ctx, HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "invalid Content-Type, want `application/json`",
          keepAlive);
    } else {
      byte[] answer = AdmissionReviews.answer(ByteBufUtil.getBytes(body), path, mutator);
      send(ctx, response(HttpResponseStatus.OK, "application/json", answer), keepAlive);
    }
  }

  private String tooLargeMessage() {
    return "request entity too large: limit is " + maxRequestBytes;
  }

  /** A plain-text answer, as Go's {@code http.Error} writes it. */
  private void reply(ChannelHandlerContext ctx, HttpResponseStatus status, String text, boolean keepAlive) {
    FullHttpResponse response = response(status, "text/plain; charset=utf-8",
        (text + "\n").getBytes(StandardCharsets.UTF_8));
    response.headers().set("X-Content-Type-Options", "nosniff");
    send(ctx, response, keepAlive);
  }

  private static FullHttpResponse response(HttpResponseStatus status, String contentType, byte[] body) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    return response;
  }

  private void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
    if (!keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    ctx.writeAndFlush(response).addListener(f -> {
      if (f.isSuccess()) {
        deadline.answerWritten();
      } else {
        ctx.close();
      }
    });
  }

  private void reset() {
    request = null;
    received = 0;
    tooLarge = false;
    if (body != null) {
      body.release();
      body = null;
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    reset();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.log(Level.DEBUG, "webhook connection failed", cause);
    reset();
    ctx.close();
  }
}
