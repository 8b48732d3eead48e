package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.meshwright.api.networking.ClientTLSSettings;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A source of configuration (an MCP/xDS server) ({@code istio.mesh.v1alpha1.ConfigSource}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableConfigSource.class)
@JsonDeserialize(as = ImmutableConfigSource.class)
public interface ConfigSource {
  /** Address of the server, e.g. {@code xds://istiod:15010} or {@code k8s://}. */
  Optional<String> address();

  /** TLS settings towards the server. */
  Optional<ClientTLSSettings> tlsSettings();

  /** Resource types taken from this source. */
  List<Resource> subscribedResources();

  /** Resource types a config source may supply. */
  enum Resource {
    SERVICE_REGISTRY
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ConfigSource}. */
  final class Builder extends ImmutableConfigSource.Builder {}
}
