package dev.meshwright.xds.server;

import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.envoyproxy.envoy.service.secret.v3.SecretDiscoveryServiceGrpc;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC services: ADS ({@code StreamAggregatedResources}, {@code DeltaAggregatedResources}) and, for proxies
 * that fetch secrets from the control plane on their own SDS stream, {@code SecretDiscoveryService} on the same
 * stream logic. Each call becomes one {@link XdsStream}. Thread-safe.
 */
final class AdsService extends AggregatedDiscoveryServiceGrpc.AggregatedDiscoveryServiceImplBase {
  private final PushPipeline pipeline;

  AdsService(PushPipeline pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public StreamObserver<DiscoveryRequest> streamAggregatedResources(StreamObserver<DiscoveryResponse> responses) {
    return new SotwStream(pipeline, responses);
  }

  @Override
  public StreamObserver<DeltaDiscoveryRequest> deltaAggregatedResources(
      StreamObserver<DeltaDiscoveryResponse> responses) {
    return new DeltaStream(pipeline, responses);
  }

  /** SDS on its own stream: the same protocol, limited by the client to Secret requests. */
  static final class Secrets extends SecretDiscoveryServiceGrpc.SecretDiscoveryServiceImplBase {
    private final PushPipeline pipeline;

    Secrets(PushPipeline pipeline) {
      this.pipeline = pipeline;
    }

    @Override
    public StreamObserver<DiscoveryRequest> streamSecrets(StreamObserver<DiscoveryResponse> responses) {
      return new SotwStream(pipeline, responses);
    }

    @Override
    public StreamObserver<DeltaDiscoveryRequest> deltaSecrets(StreamObserver<DeltaDiscoveryResponse> responses) {
      return new DeltaStream(pipeline, responses);
    }
  }
}
