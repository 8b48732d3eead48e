package dev.meshwright.inject.webhook;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that takes too long at any stage. Within {@link WebhookOptions#requestTimeout()}: the TLS
 * handshake and the first request from the moment it opens, each later request from its first byte, the answer
 * from the moment the request is complete. Within {@link WebhookOptions#idleTimeout()}: the wait for the next
 * request once an answer is written. A client that connects and stalls, or trickles a request in, is therefore cut
 * off after one request timeout and never holds more than its connection. Sits first in the pipeline, so it sees
 * raw bytes; one per connection, used on its event loop only.
 */
final class RequestDeadline extends ChannelDuplexHandler {
  private final long requestNanos;
  private final long idleNanos;
  private ChannelHandlerContext ctx;
  private ScheduledFuture<?> timer;
  private boolean idle;

  RequestDeadline(long requestNanos, long idleNanos) {
    this.requestNanos = requestNanos;
    this.idleNanos = idleNanos;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    this.ctx = context;
  }

  @Override
  public void channelActive(ChannelHandlerContext context) throws Exception {
    restart();
    super.channelActive(context);
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object msg) throws Exception {
    if (idle) {
      idle = false;
      restart();
    }
    super.channelRead(context, msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) throws Exception {
    cancel();
    super.channelInactive(context);
  }

  /** The request is complete: the answer must now be computed and written within the timeout. */
  void requestReceived() {
    idle = false;
    restart();
  }

  /** The answer is written: the connection may now wait the idle timeout for the next request's first byte. */
  void answerWritten() {
    idle = true;
    restart();
  }

  private void restart() {
    cancel();
    timer = ctx.executor().schedule(() -> {
      ctx.close();
    }, idle ? idleNanos : requestNanos, TimeUnit.NANOSECONDS);
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
