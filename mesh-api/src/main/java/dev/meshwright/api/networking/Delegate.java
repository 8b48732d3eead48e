package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A reference from a root HTTP route to a delegate VirtualService whose routes are merged in
 * ({@code istio.networking.v1alpha3.Delegate}). Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDelegate.class)
@JsonDeserialize(as = ImmutableDelegate.class)
public interface Delegate {
  /** The delegate VirtualService's name. */
  Optional<String> name();

  /** Its namespace; the root's namespace when absent. */
  Optional<String> namespace();

  /** A delegate in {@code namespace}. */
  static Delegate of(String name, String namespace) {
    return builder().name(name).namespace(namespace).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Delegate}. */
  final class Builder extends ImmutableDelegate.Builder {}
}
