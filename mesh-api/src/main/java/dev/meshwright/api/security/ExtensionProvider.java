package dev.meshwright.api.security;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Names the external authorizer a CUSTOM {@link AuthorizationPolicy} delegates to
 * ({@code AuthorizationPolicy.ExtensionProvider}). Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableExtensionProvider.class)
@JsonDeserialize(as = ImmutableExtensionProvider.class)
public interface ExtensionProvider {
  /** The name of an extension provider declared in the mesh config. */
  Optional<String> name();

  /** A provider reference by name. */
  static ExtensionProvider of(String name) {
    return builder().name(name).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ExtensionProvider}. */
  final class Builder extends ImmutableExtensionProvider.Builder {}
}
