package dev.meshwright.xds.authz;

import io.envoyproxy.envoy.config.core.v3.CidrRange;
import io.envoyproxy.envoy.config.rbac.v3.Permission;
import io.envoyproxy.envoy.config.rbac.v3.Policy;
import io.envoyproxy.envoy.config.rbac.v3.Principal;
import io.envoyproxy.envoy.type.matcher.v3.FilterStateMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.List;

/** Envoy RBAC permission, principal and policy constructors. Pure and stateless. */
final class Rbac {
  /** The filter-state key holding the peer's principal on waypoints and HBONE chains. */
  static final String PEER_PRINCIPAL_KEY = "io.istio.peer_principal";

  /** A policy that never matches: Istio's stand-in for a policy without rules. */
  static final Policy MATCH_NEVER = Policy.newBuilder()
      .addPermissions(Permission.newBuilder().setNotRule(permissionAny()))
      .addPrincipals(Principal.newBuilder().setNotId(principalAny()))
      .build();

  private Rbac() {}

  static Permission permissionAny() {
    return Permission.newBuilder().setAny(true).build();
  }

  static Permission permissionAnd(List<Permission> rules) {
    return Permission.newBuilder().setAndRules(Permission.Set.newBuilder().addAllRules(rules)).build();
  }

  static Permission permissionOr(List<Permission> rules) {
    return Permission.newBuilder().setOrRules(Permission.Set.newBuilder().addAllRules(rules)).build();
  }

  static Permission permissionNot(Permission p) {
    return Permission.newBuilder().setNotRule(p).build();
  }

  static Principal principalAny() {
    return Principal.newBuilder().setAny(true).build();
  }

  static Principal principalAnd(List<Principal> ids) {
    return Principal.newBuilder().setAndIds(Principal.Set.newBuilder().addAllIds(ids)).build();
  }

  static Principal principalOr(List<Principal> ids) {
    return Principal.newBuilder().setOrIds(Principal.Set.newBuilder().addAllIds(ids)).build();
  }

  static Principal principalNot(Principal p) {
    return Principal.newBuilder().setNotId(p).build();
  }

  /** The peer identity matched by {@code name}: from the TLS certificate, or from filter state. */
  static Principal peerIdentity(StringMatcher name, AuthzOptions.PeerIdentity source) {
    if (source == AuthzOptions.PeerIdentity.AUTHENTICATED) {
      return Principal.newBuilder()
          .setAuthenticated(Principal.Authenticated.newBuilder().setPrincipalName(name)).build();
    }
    return Principal.newBuilder()
        .setFilterState(FilterStateMatcher.newBuilder().setKey(PEER_PRINCIPAL_KEY).setStringMatch(name)).build();
  }

  /**
   * An IP or CIDR block as Envoy's range: {@code 1.2.3.4} is {@code /32}, an IPv6 address {@code /128}; the
   * address is printed in canonical form, its host bits kept.
   *
   * @throws AuthzException when the text is no address or block
   */
  static CidrRange cidr(String text) {
    return Cidrs.parse(text);
  }
}
