package dev.meshwright.cli.serve;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.model.config.ConfigEvent;
import dev.meshwright.model.config.ConfigListener;
import dev.meshwright.model.config.ConfigStore;
import dev.meshwright.model.kube.KubernetesSource;
import dev.meshwright.model.kube.WatchedKind;
import dev.meshwright.model.snapshot.MeshConfigSource;
import dev.meshwright.xds.ca.kube.TokenReviewAuthenticator;
import dev.meshwright.xds.ca.server.Authenticator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Cluster mode: mesh-model's {@link KubernetesSource} watches what istiod watches ({@link WatchedKind#controlPlane},
 * mesh ConfigMap {@code istio} in {@code istio-system}) into the store; every store change is kept for the next
 * {@link #poll} and wakes the runtime. A kind that cannot be watched (a CRD that is not installed) is reported and
 * the rest run; when no kind at all can be watched the cluster is unusable. The CA authenticates callers with a
 * TokenReview against the same cluster. Thread-safe: informer threads add changes under this object's lock.
 */
final class ClusterFeed implements ConfigFeed {
  /** How long the first list of every kind may take. */
  static final Duration FIRST_SYNC = Duration.ofSeconds(60);

  private final ServeSettings.Cluster input;
  private final ConfigStore store;
  private final KubernetesSource source;
  private final ConfigListener listener = (view, events) -> changed(events);
  private final List<ConfigEvent> pending = new ArrayList<>();
  private final Set<Diagnostic> reported = new HashSet<>();
  private volatile Runnable wake = () -> {};

  ClusterFeed(ServeSettings.Cluster input, ConfigStore store) {
    this.input = input;
    this.store = store;
    this.source = new KubernetesSource(input.client(), store,
        WatchedKind.controlPlane(MeshConfigSource.ISTIO_NAMESPACE, ""), Duration.ZERO);
  }

  private void changed(List<ConfigEvent> events) {
    synchronized (this) {
      pending.addAll(events);
    }
    wake.run();
  }

  @Override
  public Changes start() {
    store.addListener(listener);
    String where = input.client().getConfiguration().getMasterUrl();
    try {
      source.start().get(FIRST_SYNC.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalArgumentException("the cluster at " + where + " did not list its resources within "
          + FIRST_SYNC.toSeconds() + " s");
    } catch (ExecutionException e) {
      throw new IllegalArgumentException("cannot watch the cluster at " + where + ": " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalArgumentException("interrupted while listing the cluster at " + where, e);
    }
    if (!source.hasSyncedAny()) {
      throw new IllegalArgumentException("cannot watch the cluster at " + where + ": "
          + source.diagnostics().stream().map(Diagnostic::message).findFirst().orElse("no kind could be listed"));
    }
    return poll();
  }

  @Override
  public synchronized Changes poll() {
    List<ConfigEvent> events = List.copyOf(pending);
    pending.clear();
    List<Diagnostic> fresh = new ArrayList<>();
    List<Diagnostic> now = source.diagnostics();
    for (Diagnostic d : now) {
      if (!reported.contains(d)) {
        fresh.add(d);
      }
    }
    reported.retainAll(now);
    reported.addAll(now);
    return new Changes(events, fresh);
  }

  @Override
  public void onChange(Runnable value) {
    this.wake = value;
  }

  @Override
  public Authenticator authenticator(String trustDomain) {
    return new TokenReviewAuthenticator(input.client(), trustDomain, input.tokenAudiences());
  }

  @Override
  public boolean servesWorkloadKeys() {
    return false;
  }

  @Override
  public void close() {
    source.close();
    store.removeListener(listener);
  }
}
