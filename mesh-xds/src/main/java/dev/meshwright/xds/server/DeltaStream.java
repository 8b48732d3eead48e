package dev.meshwright.xds.server;

import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.XdsResources;
import io.envoyproxy.envoy.config.core.v3.ControlPlane;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;

/**
 * An incremental ADS stream ({@code DeltaAggregatedResources}). Every response carries only the resources whose
 * version differs from what the proxy holds, and {@code removed_resources} for held resources that no longer
 * exist; removals go out after every update of the push. On reconnect, {@code initial_resource_versions} seeds
 * what the proxy holds, so nothing unchanged is resent. Subscribing with no names in the first request of a type
 * is a (legacy) wildcard, {@code *} an explicit one; unsubscribing {@code *} ends the wildcard. A request with a
 * stale nonce is not taken as an ACK or NACK, but its subscription changes still apply (Delta requests carry
 * only changes, so dropping one would lose it). Thread-safe as {@link XdsStream}.
 */
final class DeltaStream extends XdsStream implements StreamObserver<DeltaDiscoveryRequest> {
  private static final System.Logger LOG = System.getLogger(DeltaStream.class.getName());
  private final ServerCallStreamObserver<DeltaDiscoveryResponse> out;

  DeltaStream(PushPipeline pipeline, StreamObserver<DeltaDiscoveryResponse> responses) {
    super(pipeline, "Delta");
    this.out = (ServerCallStreamObserver<DeltaDiscoveryResponse>) responses;
    out.setOnReadyHandler(this::onReady);
    out.setOnCancelHandler(this::closed);
  }

  @Override
  public void onNext(DeltaDiscoveryRequest req) {
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
      boolean first = st == null;
      if (first) {
        st = new TypeState(type);
        types.put(type, st);
        st.wildcard = req.getResourceNamesSubscribeList().isEmpty();
        st.declare(req.getInitialResourceVersionsMap());
        if (st.heldCount() == 0) {
          st.forceRespond = true;
        } else {
          // the proxy already holds config: until a push changes it, it is in sync with nothing sent
          st.sentAny = true;
        }
      }
      String nonce = req.getResponseNonce();
      if (!nonce.isEmpty()) {
        if (!nonce.equals(st.sentNonce)) {
          pipeline.metrics().staleNonce(type);
        } else if (req.hasErrorDetail()) {
          st.nack(req.getErrorDetail().getMessage());
          pipeline.metrics().nack(type);
          LOG.log(System.Logger.Level.INFO, "NACK " + type + " from " + id() + ": " + st.error);
        } else {
          st.ack(nonce);
        }
      }
      boolean changed = false;
      List<String> add = new ArrayList<>();
      for (String n : req.getResourceNamesSubscribeList()) {
        if (n.equals("*")) {
          changed |= !st.wildcard;
          st.wildcard = true;
        } else {
          add.add(n);
        }
      }
      List<String> remove = new ArrayList<>();
      for (String n : req.getResourceNamesUnsubscribeList()) {
        if (n.equals("*")) {
          changed |= st.wildcard;
          st.wildcard = false;
        } else {
          remove.add(n);
        }
      }
      changed |= st.changeNames(add, remove);
      push = first || changed;
      if (push) {
        st.dropUnwanted();
      }
      st.dirty |= push;
      if (push) {
        subscriptionsChanged();
      }
    }
    if (push) {
      requestPush();
    }
  }

  @Override
  void plan(XdsResources generated, List<TypeState> scope, Set<String> only, List<Planned> first,
      List<Planned> last) {
    for (TypeState st : scope) {
      SortedMap<String, XdsResource> desired = st.desired(generated);
      List<XdsResource> upserts = desired.values().stream().filter(r -> !st.holds(r)).toList();
      List<String> removed = st.gone(desired, only);
      if (!upserts.isEmpty() || st.forceRespond && removed.isEmpty()) {
        first.add(response(st, upserts, List.of()));
      }
      if (!removed.isEmpty()) {
        last.add(response(st, List.of(), removed));
      }
    }
  }

  private Planned response(TypeState st, List<XdsResource> upserts, List<String> removed) {
    return new Planned() {
      @Override
      public int send(String nonce) {
        DeltaDiscoveryResponse.Builder b = DeltaDiscoveryResponse.newBuilder().setTypeUrl(st.typeUrl)
            .setNonce(nonce).addAllRemovedResources(removed)
            .setControlPlane(ControlPlane.newBuilder().setIdentifier(pipeline.serverId()));
        upserts.forEach(r -> b.addResources(r.deltaResource()));
        DeltaDiscoveryResponse response = b.build();
        out.onNext(response);
        st.hold(upserts);
        st.release(removed);
        st.sent(nonce, st.heldVersion());
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
