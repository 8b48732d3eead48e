package dev.meshwright.api.operator;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ResourceKind;
import org.immutables.value.Value;

/**
 * An install.istio.io IstioOperator: which profile, components, mesh config and Helm values an Istio
 * installation uses. Immutable; {@code status} (InstallStatus) is preserved as read.
 *
 * <pre>{@code
 * IstioOperator iop = IstioOperator.builder()
 *     .metadata(ObjectMeta.of("installed-state", "istio-system"))
 *     .spec(IstioOperatorSpec.builder().profile("minimal").revision("canary").build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public interface IstioOperator extends IstioResource<IstioOperatorSpec> {
  ResourceKind<IstioOperator, IstioOperatorSpec> KIND =
      ResourceKind.builder(IstioOperator.class, IstioOperatorSpec.class)
          .group("install.istio.io")
          .kind("IstioOperator")
          .versions("v1alpha1")
          .factory((v, m, s, st) -> builder().apiVersion(v).metadata(m).spec(s).status(st).build())
          .validator(new IstioOperatorValidator())
          .build();

  @Override
  IstioOperatorSpec spec();

  @Override
  default ResourceKind<IstioOperator, IstioOperatorSpec> resourceKind() {
    return KIND;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link IstioOperator}. */
  final class Builder extends ImmutableIstioOperator.Builder {}
}
