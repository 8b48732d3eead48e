package dev.meshwright.bench.ads;

import com.google.protobuf.ByteString;
import dev.meshwright.bench.ads.LoadStreams.Protocol;
import java.util.concurrent.TimeUnit;

/** The load streams in this JVM: {@link LoadStreams} reporting to a {@link LoadTracker}. One run at a time. */
final class LocalLoad implements LoadClient {
  private LoadStreams streams;
  private LoadTracker tracker;

  @Override
  public long[] sync(int port, Protocol protocol, int count, int channels, int clusters, int timeoutSeconds)
      throws InterruptedException {
    BenchConfig config = BenchConfig.of(clusters);
    tracker = new LoadTracker(count, config.size());
    streams = new LoadStreams(port, channels);
    streams.open(count, protocol, config.clusterNames(), tracker);
    tracker.awaitSynced(timeoutSeconds, TimeUnit.SECONDS);
    return tracker.syncTimes();
  }

  @Override
  public void expect(ByteString bytes) {
    tracker.expect(bytes);
  }

  @Override
  public long[] awaitUpdated(int timeoutSeconds) throws InterruptedException {
    tracker.awaitUpdated(timeoutSeconds, TimeUnit.SECONDS);
    return tracker.updateTimes();
  }

  @Override
  public int closeStreams() {
    if (streams == null) {
      return 0;
    }
    tracker.closing();
    streams.close();
    streams = null;
    return tracker.errors();
  }

  @Override
  public void close() {
    closeStreams();
  }
}
