package dev.meshwright.xds.server;

import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.XdsResources;
import io.envoyproxy.envoy.config.core.v3.ControlPlane;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
        subscribe(st, req.getResourceNamesList(), firstEver || st.wildcard && st.names.isEmpty());
        st.heldVersions.clear();
        st.held.clear();
        st.forceRespond = true;
        push = true;
      } else if (req.hasErrorDetail()) {
        st.nack(req.getErrorDetail().getMessage());
        pipeline.metrics().nack(type);
        LOG.log(System.Logger.Level.INFO, "NACK " + type + " from " + id() + ": " + st.error);
        return;
      } else {
        st.ack(nonce);
        boolean legacy = st.wildcard && st.names.isEmpty();
        boolean was = st.wildcard;
        List<String> before = new ArrayList<>(st.names);
        subscribe(st, req.getResourceNamesList(), legacy);
        push = was != st.wildcard || !before.equals(new ArrayList<>(st.names));
        st.dirty = push;
        st.dropUnwanted();
      }
    }
    if (push) {
      requestPush();
    }
  }

  /** Empty names keep a legacy wildcard (or start one on the first request); {@code *} is an explicit one. */
  private static void subscribe(TypeState st, List<String> requested, boolean emptyIsWildcard) {
    st.names.clear();
    st.wildcard = requested.isEmpty() ? emptyIsWildcard : requested.contains("*");
    requested.stream().filter(n -> !n.equals("*")).forEach(st.names::add);
  }

  @Override
  void plan(XdsResources generated, List<TypeState> scope, Set<String> only, List<Planned> first,
      List<Planned> last) {
    for (TypeState st : scope) {
      SortedMap<String, XdsResource> desired = st.desired(generated);
      Map<String, String> versions = TypeState.versions(desired);
      String version = TypeState.versionOf(versions);
      if (st.fullState()) {
        if (!st.forceRespond && versions.equals(st.heldVersions)) {
          continue;
        }
        List<String> removed = st.held.keySet().stream().filter(n -> !desired.containsKey(n)).toList();
        boolean changes = desired.values().stream().anyMatch(r -> !r.version().equals(st.heldVersions.get(r.name())));
        if (!removed.isEmpty() && changes) {
          // removals last: first the new state plus the removed resources, then the new state alone
          SortedMap<String, XdsResource> interim = new TreeMap<>(desired);
          removed.forEach(n -> interim.put(n, st.held.get(n)));
          first.add(response(st, interim.values(), TypeState.versionOf(TypeState.versions(interim)), true));
          last.add(response(st, desired.values(), version, true));
        } else if (!removed.isEmpty()) {
          last.add(response(st, desired.values(), version, true));
        } else {
          first.add(response(st, desired.values(), version, true));
        }
      } else {
        st.release(st.heldVersions.keySet().stream()
            .filter(n -> !desired.containsKey(n) && (only == null || only.contains(n))).toList());
        List<XdsResource> changed =
            desired.values().stream().filter(r -> !r.version().equals(st.heldVersions.get(r.name()))).toList();
        if (!changed.isEmpty() || st.forceRespond) {
          Map<String, String> after = new TreeMap<>(st.heldVersions);
          after.putAll(versions);
          first.add(response(st, changed, TypeState.versionOf(after), false));
        }
      }
    }
  }

  private Planned response(TypeState st, Collection<XdsResource> resources, String version, boolean replace) {
    List<XdsResource> copy = List.copyOf(resources);
    return new Planned() {
      @Override
      public void send(String nonce) {
        DiscoveryResponse.Builder b = DiscoveryResponse.newBuilder().setTypeUrl(st.typeUrl).setVersionInfo(version)
            .setNonce(nonce).setControlPlane(ControlPlane.newBuilder().setIdentifier(pipeline.serverId()));
        copy.forEach(r -> b.addResources(r.any()));
        out.onNext(b.build());
        if (replace) {
          st.heldVersions.clear();
          st.held.clear();
        }
        st.hold(copy);
        st.sent(nonce, version);
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
