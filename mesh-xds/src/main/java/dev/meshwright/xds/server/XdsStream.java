package dev.meshwright.xds.server;

import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.SnapshotChanges;
import dev.meshwright.xds.ConfigDependencies;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.Subscriptions;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.XdsResources;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One ADS stream, the part SotW and Delta share: the proxy (from the first request's node), per-type
 * {@link TypeState}s, and the push loop. Requests update state on gRPC's thread and ask for a push; pushes run on
 * the pipeline's executor, at most one at a time per stream, coalesced: config changes that arrive meanwhile are
 * merged into one {@link SnapshotChanges}, decided on by {@link PushPolicy} against the snapshot the proxy's config
 * came from (skip, EDS of the changed services only, or a full generation from the newest snapshot), and only what
 * differs from what the proxy holds is sent. A type whose subscription changed during a generation waits for the
 * next one, so no answer is ever planned for names the proxy no longer asks for.
 *
 * <p>Flow control: a push is generated only when gRPC's {@code isReady()} says the transport takes more; otherwise
 * the stream waits for the on-ready callback with one pending flag and the merged changes, never a queue of
 * responses, so a slow proxy holds at most one push's responses in gRPC's buffer. The first push waits for
 * {@link Admission} (held, or {@code RESOURCE_EXHAUSTED} past its bound). Thread-safe: state is guarded by
 * {@code this}.
 */
abstract class XdsStream {
  private static final System.Logger LOG = System.getLogger(XdsStream.class.getName());
  private static final AtomicLong SEQUENCE = new AtomicLong();

  final PushPipeline pipeline;
  private final String protocol;
  final Map<String, TypeState> types = new TreeMap<>(TypeOrder::push);
  private Proxy proxy;
  private String id = "";
  private boolean running;
  private boolean pending;
  /** Config changes not yet decided on for this proxy (merged). */
  private SnapshotChanges pendingChanges = SnapshotChanges.none();
  /** A request asked for a response (first request of a type, or a subscription change). */
  private boolean pendingRequest;
  private boolean deferred;
  /** Bytes of this stream's last push still queued in gRPC, counted in the pipeline's {@link SendBudget}. */
  private long charged;
  private long pendingSince;
  private boolean closed;
  private final FirstSync firstSync;
  /** The snapshot the proxy's config was generated from (or is known to equal), and its scope there. */
  private MeshSnapshot generatedFrom;
  private ConfigDependencies generatedScope;
  /** What the types subscribe to, rebuilt only after a subscription changed (null: to rebuild). */
  private Subscriptions subscriptions;

  XdsStream(PushPipeline pipeline, String protocol) {
    this.pipeline = pipeline;
    this.protocol = protocol;
    this.firstSync = new FirstSync(pipeline.admission());
  }

  /** A response ready to go out, in the protocol's own message type. */
  interface Planned {
    /** Fills in the nonce, sends, and updates the type's state; the response's size in bytes. */
    int send(String nonce);

    TypeState state();
  }

  /** The gRPC response side of this stream. */
  abstract ServerCallStreamObserver<?> responses();

  /** Whether gRPC can take another message without buffering. */
  final boolean isReady() {
    return responses().isReady();
  }

  /**
   * Works out what to send after a generation; only {@link TypeState}s in scope are considered. {@code only}
   * non-null means a partial generation: only those names were generated, held resources outside them stay.
   */
  abstract void plan(XdsResources generated, List<TypeState> scope, Set<String> only, List<Planned> first,
      List<Planned> last);

  /** Ends the stream with an error status (once; later calls do nothing). */
  final void fail(Status status) {
    if (closed()) {
      responses().onError(status.asRuntimeException());
    }
  }

  /** The proxy's side failed or was cancelled. */
  public final void onError(Throwable t) {
    closed();
  }

  /** The proxy half-closed: end our side too. */
  public final void onCompleted() {
    if (closed()) {
      responses().onCompleted();
    }
  }

  /** Parses the node on the first request; false (and the stream failed) when it is not a valid proxy. */
  final synchronized boolean identify(Node node) {
    if (proxy != null) {
      return true;
    }
    if (node == null || node.getId().isEmpty()) {
      fail(Status.INVALID_ARGUMENT.withDescription("the first request must carry a node with an ID"));
      return false;
    }
    NodeIds.Parsed parsed = NodeIds.parse(node);
    if (parsed instanceof NodeIds.Parsed.Invalid invalid) {
      fail(Status.INVALID_ARGUMENT.withDescription(invalid.message()));
      return false;
    }
    proxy = parsed.orThrow();
    id = proxy.id() + "-" + SEQUENCE.incrementAndGet();
    pipeline.register(this);
    return true;
  }

  final synchronized Proxy proxy() {
    return proxy;
  }

  final synchronized String id() {
    return id;
  }

  /** A request asks for a response: generate for the types it changed, whatever the config did. */
  final void requestPush() {
    schedule(SnapshotChanges.none(), true, System.nanoTime());
  }

  /** The config changed: push what {@link PushPolicy} says the change needs for this proxy. */
  final void schedulePush(SnapshotChanges changes, long sinceNanos) {
    schedule(changes, false, sinceNanos);
  }

  private synchronized void schedule(SnapshotChanges changes, boolean request, long sinceNanos) {
    if (closed) {
      return;
    }
    pendingSince = pending ? Math.min(pendingSince, sinceNanos) : sinceNanos;
    pending = true;
    pendingChanges = pendingChanges.merge(changes);
    pendingRequest |= request;
    if (!firstSync.request(() -> pipeline.execute(this::admitted))) {
      fail(Status.RESOURCE_EXHAUSTED.withDescription("too many proxies are waiting for their first config"));
      return;
    }
    if (firstSync.admitted() && !running) {
      running = true;
      pipeline.execute(this::drain);
    }
  }

  private void admitted() {
    synchronized (this) {
      if (!closed) {
        if (!running) {
          running = true;
          pipeline.execute(this::drain);
        }
        return;
      }
    }
    firstSync.finish(false);
  }

  /** gRPC's on-ready callback: the last push drained; resume a push that was waiting for the transport. */
  final synchronized void onReady() {
    releaseCharge();
    if (deferred && pending && !running && !closed) {
      deferred = false;
      running = true;
      pipeline.execute(this::drain);
    }
  }

  /** Marks the stream closed; true for the first caller only (who may then end the gRPC call). */
  final boolean closed() {
    pipeline.unregister(this);
    synchronized (this) {
      if (closed) {
        return false;
      }
      closed = true;
      releaseCharge();
    }
    firstSync.finish(false);
    return true;
  }

  private void drain() {
    drain(false);
  }

  /**
   * Pushes while work is pending and the transport takes it. Each push first enters the pipeline's
   * {@link SendBudget}; when the budget is spent the drain parks (still running) and the budget resumes it with
   * {@code entered} true.
   */
  private void drain(boolean entered) {
    SendBudget budget = pipeline.sendBudget();
    while (true) {
      StreamPush.Work work;
      synchronized (this) {
        if (!pending || closed) {
          running = false;
          settleUnsent(budget, entered);
          return;
        }
        if (!isReady()) {
          deferred = true;
          running = false;
          settleUnsent(budget, entered);
          break;
        }
        if (!entered && !budget.enter(() -> pipeline.execute(() -> drain(true)))) {
          return;
        }
        entered = true;
        pending = false;
        work = new StreamPush.Work(proxy, subscriptions(), pendingChanges, pendingRequest, pendingSince,
            generatedFrom, generatedScope);
        pendingChanges = SnapshotChanges.none();
        pendingRequest = false;
      }
      MeshSnapshot snapshot = pipeline.current();
      long start = System.nanoTime();
      StreamPush.Push push;
      try {
        push = StreamPush.generate(pipeline, work, snapshot, this::endpointNames);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "generation failed for " + id + "; the proxy keeps its config", e);
        pipeline.metrics().generationFailed();
        synchronized (this) {
          pendingChanges = work.changes().merge(pendingChanges); // decided again with the next change
        }
        budget.settle(0);
        entered = false;
        firstSync.finish(true);
        continue;
      }
      Sent sent = push.generated() == null ? Sent.NOTHING : send(work, push);
      budget.settle(sent.stalledBytes());
      entered = false;
      if (sent == Sent.CLOSED) {
        return;
      }
      synchronized (this) {
        generatedFrom = snapshot;
        generatedScope = push.scope();
      }
      firstSync.finish(true);
      if (sent.responses() > 0) {
        long end = System.nanoTime();
        pipeline.metrics().pushTime(end - start);
        pipeline.metrics().convergence(end - work.sinceNanos());
      }
    }
    firstSync.finish(true);
  }

  private synchronized Set<String> endpointNames(Set<String> hostnames) {
    TypeState eds = types.get(TypeUrls.ENDPOINT);
    return eds == null ? Set.of() : eds.namesForHosts(hostnames);
  }

  /** What one push sent: how many responses, and the bytes left queued in gRPC when the stream is not ready. */
  private record Sent(int responses, long stalledBytes) {
    static final Sent NOTHING = new Sent(0, 0);
    static final Sent CLOSED = new Sent(-1, 0);
  }

  private void settleUnsent(SendBudget budget, boolean entered) {
    if (entered) {
      budget.settle(0);
    }
  }

  /** Gives back what the last push left queued. Caller holds the lock. */
  private void releaseCharge() {
    if (charged > 0) {
      pipeline.sendBudget().release(charged);
      charged = 0;
    }
  }

  /**
   * Plans and sends one push generated for {@code work}. Checking readiness and charging the budget happen under
   * the lock the on-ready callback takes, so a drain reported between the two cannot be missed.
   */
  private Sent send(StreamPush.Work work, StreamPush.Push push) {
    synchronized (this) {
      if (closed) {
        running = false;
        return Sent.CLOSED;
      }
      List<TypeState> scope = new ArrayList<>();
      Subscriptions now = subscriptions();
      boolean same = now == work.subscriptions();
      for (TypeState st : types.values()) {
        if (!same && !work.subscriptions().names(st.typeUrl).equals(now.names(st.typeUrl))) {
          // asked for other names while this generation ran: answer from the next one, flags kept, or a
          // response for the old names would use up forceRespond/dirty and the new names never be sent
          if (!pending) {
            pending = true;
            pendingSince = work.sinceNanos();
          }
          pendingRequest = true;
          continue;
        }
        boolean partialEds = push.only() != null && st.typeUrl.equals(TypeUrls.ENDPOINT);
        if (push.full() || st.forceRespond || st.dirty || partialEds) {
          scope.add(st);
        }
        st.dirty = false;
      }
      List<Planned> first = new ArrayList<>();
      List<Planned> last = new ArrayList<>();
      plan(push.generated(), scope, push.only(), first, last);
      last.sort(Comparator.comparingInt(pl -> TypeOrder.removal(pl.state().typeUrl)));
      long bytes = 0;
      for (Planned pl : first) {
        bytes += pl.send(pipeline.nonce());
        pipeline.metrics().pushed(pl.state().typeUrl);
      }
      for (Planned pl : last) {
        bytes += pl.send(pipeline.nonce());
        pipeline.metrics().pushed(pl.state().typeUrl);
      }
      long stalled = bytes > 0 && !isReady() ? bytes : 0;
      charged += stalled;
      return new Sent(first.size() + last.size(), stalled);
    }
  }

  /** What the stream subscribes to now (the same instance until a subscription changes). Caller holds the lock. */
  private Subscriptions subscriptions() {
    if (subscriptions == null) {
      Subscriptions s = Subscriptions.all();
      for (TypeState st : types.values()) {
        if (!st.wildcard) {
          s = s.with(st.typeUrl, st.names());
        }
      }
      subscriptions = s;
    }
    return subscriptions;
  }

  /** A request changed what a type subscribes to (or added a type). Caller holds the lock. */
  final void subscriptionsChanged() {
    subscriptions = null;
  }

  final synchronized ProxyStatus status() {
    Map<String, TypeStatus> out = new LinkedHashMap<>();
    types.forEach((t, st) -> out.put(t, st.status()));
    return new ProxyStatus(id, proxy.nodeId(), proxy.id(), proxy.clusterId(), proxy.istioVersion().orElse(""),
        protocol, pipeline.serverId(), out);
  }

  /** The resources the proxy holds from this server, by type (the config dump). */
  final synchronized Map<String, Map<String, XdsResource>> held() {
    Map<String, Map<String, XdsResource>> out = new LinkedHashMap<>();
    types.forEach((t, st) -> out.put(t, st.sent()));
    return out;
  }

  final synchronized Optional<TypeState> state(String typeUrl) {
    return Optional.ofNullable(types.get(typeUrl));
  }
}
