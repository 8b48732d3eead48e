package dev.meshwright.xds.check;

import com.google.protobuf.Descriptors.Descriptor;
import dev.meshwright.xds.EnvoyTypes;
import java.util.Optional;

/** Finds the descriptor behind an {@code Any}'s type URL, so {@link ProtoRules} can check its payload. */
@FunctionalInterface
public interface TypeRegistry {
  /** The descriptor of the type URL, empty when unknown (the payload is then not checked). */
  Optional<Descriptor> find(String typeUrl);

  /** Every Envoy type Meshwright knows ({@link EnvoyTypes}). */
  static TypeRegistry envoy() {
    return EnvoyTypes.get()::find;
  }
}
