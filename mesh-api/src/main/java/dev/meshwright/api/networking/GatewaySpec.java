package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** The spec of a {@link Gateway} ({@code istio.networking.v1alpha3.Gateway}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableGatewaySpec.class)
@JsonDeserialize(as = ImmutableGatewaySpec.class)
public interface GatewaySpec {
  /** The listeners; at least one is required. */
  List<Server> servers();

  /** Labels of the gateway pods this configuration applies to. */
  Map<String, String> selector();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GatewaySpec}. */
  final class Builder extends ImmutableGatewaySpec.Builder {}
}
