package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An outbound listener of a sidecar and the services it can reach
 * ({@code istio.networking.v1alpha3.IstioEgressListener}). Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableIstioEgressListener.class)
@JsonDeserialize(as = ImmutableIstioEgressListener.class)
public interface IstioEgressListener {
  /** The port to listen on; a port-less listener catches everything else and must come last. */
  Optional<Port> port();

  /** The IP address or {@code unix://} socket to bind to. */
  Optional<String> bind();

  Optional<CaptureMode> captureMode();

  /** Imported services as {@code namespace/host}; namespace may be {@code *}, {@code .} or {@code ~}. */
  List<String> hosts();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link IstioEgressListener}. */
  final class Builder extends ImmutableIstioEgressListener.Builder {}
}
