package dev.meshwright.api.security;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ResourceKind;
import org.immutables.value.Value;

/**
 * A security.istio.io AuthorizationPolicy: allows, denies, audits or delegates (CUSTOM) requests to the
 * selected workloads by who sends them, what they ask for and under which conditions. Immutable.
 *
 * <pre>{@code
 * AuthorizationPolicy allowGet = AuthorizationPolicy.builder()
 *     .metadata(ObjectMeta.of("httpbin", "foo"))
 *     .spec(AuthorizationPolicySpec.builder()
 *         .selector(WorkloadSelector.of(Map.of("app", "httpbin")))
 *         .addRule(Rule.builder()
 *             .addTo(Rule.To.of(Operation.builder().addMethod("GET").build()))
 *             .build())
 *         .build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public interface AuthorizationPolicy extends IstioResource<AuthorizationPolicySpec> {
  ResourceKind<AuthorizationPolicy, AuthorizationPolicySpec> KIND =
      ResourceKind.builder(AuthorizationPolicy.class, AuthorizationPolicySpec.class)
          .group("security.istio.io")
          .kind("AuthorizationPolicy")
          .plural("authorizationpolicies")
          .versions("v1", "v1beta1")
          .factory((v, m, s, st) -> builder().apiVersion(v).metadata(m).spec(s).status(st).build())
          .validator(new AuthorizationPolicyValidator())
          .build();

  @Override
  AuthorizationPolicySpec spec();

  @Override
  default ResourceKind<AuthorizationPolicy, AuthorizationPolicySpec> resourceKind() {
    return KIND;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AuthorizationPolicy}. */
  final class Builder extends ImmutableAuthorizationPolicy.Builder {}
}
