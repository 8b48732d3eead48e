package dev.meshwright.xds.server;

import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.XdsResources;
import io.envoyproxy.envoy.config.core.v3.ControlPlane;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A state-of-the-world ADS stream ({@code StreamAggregatedResources}). LDS and CDS responses carry the full set of
 * subscribed resources; RDS, EDS and SDS responses carry only the resources that are new or changed. An empty
 * name list in the first request of a type is a (legacy) wildcard, {@code *} an explicit one. A request whose
 * nonce is not the last one sent is stale and ignored (the next one repeats its subscription); one with
 * {@code error_detail} is a NACK and changes nothing but the status. Thread-safe as {@link XdsStream}.
 */
final class SotwStream extends XdsStream implements StreamObserver<DiscoveryRequest> {
  private static final System.Logger LOG = System.getLogger(SotwStream.class.getName());
  private final ServerCallStreamObserver<DiscoveryResponse> out;

  SotwStream(PushPipeline pipeline, StreamObserver<DiscoveryResponse> responses) {
    super(pipeline, "SotW");
    this.out = (ServerCallStreamObserver<DiscoveryResponse>) responses;
    out.setOnReadyHandler(this::onReady);
    out.setOnCancelHandler(this::closed);
  }

  @Override
  public void onNext(DiscoveryRequest req) {
    if (!identify(req.hasNode() ? req.getNode() : null)) {
      return;
    }
    String type = req.getTypeUrl();
    if (type.isEmpty()) {
      return;
    }
    boolean push;
    synchronized (this) {
      TypeState st = types.get(type);
      String nonce = req.getResponseNonce();
      if (st != null && !nonce.isEmpty() && !nonce.equals(st.sentNonce)) {
        pipeline.metrics().staleNonce(type);
        return;
      }
      if (st == null || nonce.isEmpty()) {
        boolean firstEver = st == null;
        if (st == null) {
          st = new TypeState(type);
          types.put(type, st);
        }
        subscribe(st, req.getResourceNamesList(), firstEver || st.wildcard && st.names().isEmpty());
        st.releaseAll();
        st.forceRespond = true;
        push = true;
        subscriptionsChanged();
      } else if (req.hasErrorDetail()) {
        st.nack(req.getErrorDetail().getMessage());
        pipeline.metrics().nack(type);
        LOG.log(System.Logger.Level.INFO, "NACK " + type + " from " + id() + ": " + st.error);
        return;
      } else {
        st.ack(nonce);
        boolean legacy = st.wildcard && st.names().isEmpty();
        push = !sameSubscription(st, req.getResourceNamesList(), legacy);
        if (push) {
          boolean was = st.wildcard;
          Set<String> before = Set.copyOf(st.names());
          subscribe(st, req.getResourceNamesList(), legacy);
          push = was != st.wildcard || !before.equals(st.names());
        }
        st.dirty = push;
        if (push) {
          st.dropUnwanted();
          subscriptionsChanged();
        }
      }
    }
    if (push) {
      requestPush();
    }
  }

  /** Whether {@code requested} (an ACK's names) asks for what {@code st} already subscribes to, without copying. */
  private static boolean sameSubscription(TypeState st, List<String> requested, boolean emptyIsWildcard) {
    if (!st.wildcard && !requested.isEmpty() && st.namesInOrder(requested)) {
      return true; // what Envoy sends on every ACK: the same names in the same order
    }
    boolean wildcard = requested.isEmpty() ? emptyIsWildcard : requested.contains("*");
    if (wildcard != st.wildcard) {
      return false;
    }
    int n = 0;
    for (String name : requested) {
      if (!name.equals("*")) {
        if (!st.names().contains(name)) {
          return false;
        }
        n++;
      }
    }
    return n == st.names().size();
  }

  /** Empty names keep a legacy wildcard (or start one on the first request); {@code *} is an explicit one. */
  private static void subscribe(TypeState st, List<String> requested, boolean emptyIsWildcard) {
    st.wildcard = requested.isEmpty() ? emptyIsWildcard : requested.contains("*");
    st.setNames(requested.stream().filter(n -> !n.equals("*")).toList());
  }

  @Override
  void plan(XdsResources generated, List<TypeState> scope, Set<String> only, List<Planned> first,
      List<Planned> last) {
    for (TypeState st : scope) {
      SortedMap<String, XdsResource> desired = st.desired(generated);
      if (st.fullState()) {
        if (!st.forceRespond && st.holdsExactly(desired)) {
          continue;
        }
        List<String> removed = st.gone(desired, null);
        boolean changes = desired.values().stream().anyMatch(r -> !st.holds(r));
        if (!removed.isEmpty() && changes) {
          // removals last: first the new state plus the removed resources, then the new state alone
          SortedMap<String, XdsResource> interim = new TreeMap<>(desired);
          removed.forEach(n -> interim.put(n, st.heldResource(n)));
          first.add(response(st, interim.values(), true));
          last.add(response(st, desired.values(), true));
        } else if (!removed.isEmpty()) {
          last.add(response(st, desired.values(), true));
        } else {
          first.add(response(st, desired.values(), true));
        }
      } else {
        st.release(st.gone(desired, only));
        List<XdsResource> changed = desired.values().stream().filter(r -> !st.holds(r)).toList();
        if (!changed.isEmpty() || st.forceRespond) {
          first.add(response(st, changed, false));
        }
      }
    }
  }

  /**
   * A response of {@code resources}: all of the type's state when {@code replace}, else added to what the proxy
   * holds. Its version is that of everything the proxy holds once it applies the response.
   */
  private Planned response(TypeState st, Collection<XdsResource> resources, boolean replace) {
    List<XdsResource> copy = List.copyOf(resources);
    return new Planned() {
      @Override
      public int send(String nonce) {
        if (replace) {
          st.releaseAll();
        }
        st.hold(copy);
        String version = st.heldVersion();
        DiscoveryResponse.Builder b = DiscoveryResponse.newBuilder().setTypeUrl(st.typeUrl).setVersionInfo(version)
            .setNonce(nonce).setControlPlane(ControlPlane.newBuilder().setIdentifier(pipeline.serverId()));
        copy.forEach(r -> b.addResources(r.any()));
        DiscoveryResponse response = b.build();
        out.onNext(response);
        st.sent(nonce, version);
        return response.getSerializedSize();
      }

      @Override
      public TypeState state() {
        return st;
      }
    };
  }

  @Override
  ServerCallStreamObserver<?> responses() {
    return out;
  }
}
