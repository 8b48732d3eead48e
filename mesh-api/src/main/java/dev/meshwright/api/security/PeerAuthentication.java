package dev.meshwright.api.security;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ResourceKind;
import org.immutables.value.Value;

/**
 * A security.istio.io PeerAuthentication: which mTLS mode a workload accepts. Immutable.
 *
 * <pre>{@code
 * PeerAuthentication strict = PeerAuthentication.builder()
 *     .metadata(ObjectMeta.of("default", "istio-system"))
 *     .spec(PeerAuthenticationSpec.builder().mtls(MutualTls.of(MutualTls.Mode.STRICT)).build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public interface PeerAuthentication extends IstioResource<PeerAuthenticationSpec> {
  ResourceKind<PeerAuthentication, PeerAuthenticationSpec> KIND =
      ResourceKind.builder(PeerAuthentication.class, PeerAuthenticationSpec.class)
          .group("security.istio.io")
          .kind("PeerAuthentication")
          .versions("v1", "v1beta1")
          .factory((v, m, s, st) -> builder().apiVersion(v).metadata(m).spec(s).status(st).build())
          .validator(new PeerAuthenticationValidator())
          .build();

  @Override
  PeerAuthenticationSpec spec();

  @Override
  default ResourceKind<PeerAuthentication, PeerAuthenticationSpec> resourceKind() {
    return KIND;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PeerAuthentication}. */
  final class Builder extends ImmutablePeerAuthentication.Builder {}
}
