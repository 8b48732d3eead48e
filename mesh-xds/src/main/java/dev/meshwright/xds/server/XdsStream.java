package dev.meshwright.xds.server;

import dev.meshwright.model.snapshot.MeshSnapshot;
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
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One ADS stream, the part SotW and Delta share: the proxy (from the first request's node), per-type
 * {@link TypeState}s, and the push loop. Requests update state on gRPC's thread and ask for a push; pushes run on
 * the pipeline's executor, at most one at a time per stream, coalesced (a stream that is not ready to send is
 * skipped until gRPC's on-ready callback, so a slow proxy costs one pending flag, not a queue of responses).
 * Every send regenerates from the newest snapshot and sends only what differs from what the proxy holds; a type
 * whose subscription changed during a generation waits for the next one, so no answer is ever planned for names
 * the proxy no longer asks for.
 * Thread-safe: state is guarded by {@code this}.
 */
abstract class XdsStream {
  private static final System.Logger LOG = System.getLogger(XdsStream.class.getName());
  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final List<String> REMOVAL_ORDER =
      List.of(TypeUrls.LISTENER, TypeUrls.ROUTE, TypeUrls.CLUSTER, TypeUrls.ENDPOINT, TypeUrls.SECRET);

  final PushPipeline pipeline;
  private final String protocol;
  final Map<String, TypeState> types = new TreeMap<>(XdsStream::pushOrder);
  private Proxy proxy;
  private String id = "";
  private boolean running;
  private boolean pending;
  private boolean pendingFull;
  private boolean deferred;
  private long pendingSince;
  private boolean closed;

  XdsStream(PushPipeline pipeline, String protocol) {
    this.pipeline = pipeline;
    this.protocol = protocol;
  }

  /** A response ready to go out, in the protocol's own message type. */
  interface Planned {
    /** Fills in the nonce, sends, and updates the type's state. */
    void send(String nonce);

    TypeState state();
  }

  /** The gRPC response side of this stream. */
  abstract ServerCallStreamObserver<?> responses();

  /** Whether gRPC can take another message without buffering. */
  final boolean isReady() {
    return responses().isReady();
  }

  /** Works out what to send after a generation; only {@link TypeState}s in scope are considered. */
  abstract void plan(XdsResources generated, List<TypeState> scope, List<Planned> first, List<Planned> last);

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

  /** Asks for a push; {@code full} false limits it to EDS (and to types waiting for a first response). */
  final synchronized void schedulePush(boolean full, long sinceNanos) {
    if (closed) {
      return;
    }
    pendingSince = pending ? Math.min(pendingSince, sinceNanos) : sinceNanos;
    pending = true;
    pendingFull |= full;
    if (!running) {
      running = true;
      pipeline.execute(this::drain);
    }
  }

  /** gRPC's on-ready callback: resume a push that was waiting for the transport. */
  final synchronized void onReady() {
    if (deferred && pending && !running && !closed) {
      deferred = false;
      running = true;
      pipeline.execute(this::drain);
    }
  }

  /** Marks the stream closed; true for the first caller only (who may then end the gRPC call). */
  final synchronized boolean closed() {
    pipeline.unregister(this);
    if (closed) {
      return false;
    }
    closed = true;
    return true;
  }

  private void drain() {
    while (true) {
      Subscriptions subs;
      boolean full;
      long since;
      Proxy p;
      synchronized (this) {
        if (!pending || closed) {
          running = false;
          return;
        }
        if (!isReady()) {
          deferred = true;
          running = false;
          return;
        }
        pending = false;
        full = pendingFull;
        pendingFull = false;
        since = pendingSince;
        subs = subscriptions();
        p = proxy;
      }
      MeshSnapshot snapshot = pipeline.current();
      long start = System.nanoTime();
      XdsResources generated;
      try {
        generated = pipeline.source().generate(snapshot, p, subs);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "generation failed for " + id + "; the proxy keeps its config", e);
        pipeline.metrics().generationFailed();
        continue;
      }
      int sent;
      synchronized (this) {
        if (closed) {
          running = false;
          return;
        }
        List<TypeState> scope = new ArrayList<>();
        Subscriptions now = subscriptions();
        for (TypeState st : types.values()) {
          if (!subs.names(st.typeUrl).equals(now.names(st.typeUrl))) {
            // asked for other names while this generation ran: answer from the next one, flags kept, or a
            // response for the old names would use up forceRespond/dirty and the new names never be sent
            if (!pending) {
              pending = true;
              pendingSince = since;
            }
            continue;
          }
          if (full || st.forceRespond || st.dirty || st.typeUrl.equals(TypeUrls.ENDPOINT)) {
            scope.add(st);
          }
          st.dirty = false;
        }
        List<Planned> first = new ArrayList<>();
        List<Planned> last = new ArrayList<>();
        plan(generated, scope, first, last);
        last.sort(Comparator.comparingInt(pl -> removalOrder(pl.state().typeUrl)));
        for (Planned pl : first) {
          pl.send(pipeline.nonce());
          pipeline.metrics().pushed(pl.state().typeUrl);
        }
        for (Planned pl : last) {
          pl.send(pipeline.nonce());
          pipeline.metrics().pushed(pl.state().typeUrl);
        }
        sent = first.size() + last.size();
      }
      if (sent > 0) {
        long end = System.nanoTime();
        pipeline.metrics().pushTime(end - start);
        pipeline.metrics().convergence(end - since);
      }
    }
  }

  private Subscriptions subscriptions() {
    Subscriptions s = Subscriptions.all();
    for (TypeState st : types.values()) {
      if (!st.wildcard) {
        s = s.with(st.typeUrl, st.names);
      }
    }
    return s;
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
    types.forEach((t, st) -> out.put(t, Map.copyOf(st.held)));
    return out;
  }

  final synchronized Optional<TypeState> state(String typeUrl) {
    return Optional.ofNullable(types.get(typeUrl));
  }

  static int pushOrder(String a, String b) {
    int c = Integer.compare(index(TypeUrls.PUSH_ORDER, a), index(TypeUrls.PUSH_ORDER, b));
    return c != 0 ? c : a.compareTo(b);
  }

  private static int removalOrder(String typeUrl) {
    return index(REMOVAL_ORDER, typeUrl);
  }

  private static int index(List<String> order, String typeUrl) {
    int i = order.indexOf(typeUrl);
    return i < 0 ? order.size() : i;
  }
}
