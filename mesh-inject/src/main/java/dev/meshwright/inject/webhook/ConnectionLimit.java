package dev.meshwright.inject.webhook;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps at most {@link WebhookOptions#maxConnections()} connections open: one beyond that is closed as soon as it
 * is accepted, before any TLS work is spent on it. Shared by every connection of one server; thread-safe.
 */
@Sharable
final class ConnectionLimit extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = System.getLogger(ConnectionLimit.class.getName());

  private final int max;
  private final AtomicInteger open = new AtomicInteger();

  ConnectionLimit(int max) {
    this.max = max;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (open.incrementAndGet() > max) {
      LOG.log(Level.WARNING, "webhook connection refused: {0} connections are open already", max);
      ctx.close();
      return;
    }
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    open.decrementAndGet();
    super.channelInactive(ctx);
  }
}
