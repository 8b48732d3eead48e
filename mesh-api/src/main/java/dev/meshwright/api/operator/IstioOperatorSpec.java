package dev.meshwright.api.operator;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.meshwright.api.mesh.MeshConfig;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** The spec of an {@link IstioOperator} ({@code istio.operator.v1alpha1.IstioOperatorSpec}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableIstioOperatorSpec.class)
@JsonDeserialize(as = ImmutableIstioOperatorSpec.class)
public interface IstioOperatorSpec {
  /** Base profile: default, demo, minimal, empty, ambient, ... or a file path. */
  Optional<String> profile();

  /** Where charts and profiles are read from. */
  Optional<String> installPackagePath();

  /** Image registry, e.g. {@code docker.io/istio}. */
  Optional<String> hub();

  /** Image tag: a string, or a number as YAML reads {@code tag: 2}. */
  Optional<Object> tag();

  /** Deprecated and unused. */
  Optional<String> resourceSuffix();

  /** Default namespace of the control plane. */
  Optional<String> namespace();

  /** Control plane revision; a DNS-1123 label. */
  Optional<String> revision();

  /** Istio version whose defaults are kept. */
  Optional<String> compatibilityVersion();

  /** Mesh config, written into the {@code istio} ConfigMap. */
  Optional<MeshConfig> meshConfig();

  /** Per-component settings. */
  Optional<IstioComponentSetSpec> components();

  /** Deprecated add-on components. */
  Map<String, ExternalComponentSpec> addonComponents();

  /** Helm values passed to every chart (validated against Istio's values schema by Istio). */
  @AllowNulls
  Map<String, Object> values();

  /** Helm values passed through without schema validation. */
  @AllowNulls
  Map<String, Object> unvalidatedValues();

  /** A tag is a string or a number ({@code google.protobuf.Value} in Istio, but nothing else makes sense). */
  @Value.Check
  default void checkTag() {
    Tags.check(tag());
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link IstioOperatorSpec}. */
  final class Builder extends ImmutableIstioOperatorSpec.Builder {}
}
