package dev.meshwright.xds.authz;

import dev.meshwright.api.security.Condition;
import dev.meshwright.api.security.Operation;
import dev.meshwright.api.security.Rule;
import dev.meshwright.api.security.Source;
import io.envoyproxy.envoy.config.rbac.v3.Permission;
import io.envoyproxy.envoy.config.rbac.v3.Policy;
import io.envoyproxy.envoy.config.rbac.v3.Principal;
import io.envoyproxy.envoy.config.rbac.v3.RBAC;
import java.util.ArrayList;
import java.util.List;

/**
 * One AuthorizationPolicy rule as Istio models it before generating RBAC: a list of permission terms per {@code to}
 * (the operation's fields first, host, method, path, port, then the destination-side {@code when} conditions), and a
 * list of principal terms per {@code from} (principal, request principal, namespace, remote IP, IP, then the
 * source-side conditions). Terms of a list are ANDed, lists ORed. Mutable while the trust domain is applied, then
 * only read; confined to one build.
 */
final class RuleModel {
  /** One attribute test: its values (any must match) and not-values (none may). Shared by the lists it is in. */
  private static final class Term {
    final Attribute attribute;
    final String key;
    final boolean extended;
    List<String> values;
    List<String> notValues;

    Term(Attribute attribute, String key, List<String> values, List<String> notValues, boolean extended) {
      this.attribute = attribute;
      this.key = key;
      this.values = values;
      this.notValues = notValues;
      this.extended = extended;
    }
  }

  private final List<List<Term>> permissions = new ArrayList<>();
  private final List<List<Term>> principals = new ArrayList<>();

  private RuleModel() {}

  /**
   * The model of {@code rule}; {@code jwt} picks the extended (jwt_authn) form for request attributes.
   *
   * @throws AuthzException for a {@code when} key Istio does not know
   */
  static RuleModel of(Rule rule, AuthzOptions.JwtClaims jwt) {
    boolean ext = jwt == AuthzOptions.JwtClaims.JWT_AUTHN;
    RuleModel m = new RuleModel();
    List<Term> basePermission = new ArrayList<>();
    List<Term> basePrincipal = new ArrayList<>();
    for (Condition when : rule.when()) {
      String k = when.key().orElse("");
      List<String> v = when.values();
      List<String> nv = when.notValues();
      switch (k) {
        case "destination.ip" -> append(basePermission, Attribute.DESTINATION_IP, k, v, nv, false);
        case "destination.port" -> append(basePermission, Attribute.DESTINATION_PORT, k, v, nv, false);
        case "connection.sni" -> append(basePermission, Attribute.CONNECTION_SNI, k, v, nv, false);
        case "source.ip" -> append(basePrincipal, Attribute.SOURCE_IP, k, v, nv, false);
        case "remote.ip" -> append(basePrincipal, Attribute.REMOTE_IP, k, v, nv, false);
        case "source.namespace" -> append(basePrincipal, Attribute.SOURCE_NAMESPACE, k, v, nv, false);
        case "source.principal" -> append(basePrincipal, Attribute.SOURCE_PRINCIPAL, k, v, nv, false);
        case "request.auth.principal" -> append(basePrincipal, Attribute.REQUEST_PRINCIPAL, k, v, nv, ext);
        case "request.auth.audiences" -> append(basePrincipal, Attribute.REQUEST_AUDIENCES, k, v, nv, ext);
        case "request.auth.presenter" -> append(basePrincipal, Attribute.REQUEST_PRESENTER, k, v, nv, ext);
        default -> {
          if (k.startsWith("experimental.envoy.filters.")) {
            append(basePermission, Attribute.ENVOY_FILTER, k, v, nv, ext);
          } else if (k.startsWith(Attribute.REQUEST_HEADERS_KEY)) {
            append(basePrincipal, Attribute.REQUEST_HEADER, k, v, nv, false);
          } else if (k.startsWith(Attribute.REQUEST_CLAIMS_KEY)) {
            append(basePrincipal, Attribute.REQUEST_CLAIMS, k, v, nv, ext);
          } else {
            throw new AuthzException("unknown attribute " + k);
          }
        }
      }
    }
    for (Rule.From from : rule.from()) {
      List<Term> merged = new ArrayList<>(basePrincipal);
      from.source().ifPresent(s -> prependSource(merged, s, ext));
      m.principals.add(merged);
    }
    if (rule.from().isEmpty()) {
      m.principals.add(basePrincipal);
    }
    for (Rule.To to : rule.to()) {
      List<Term> merged = new ArrayList<>(basePermission);
      to.operation().ifPresent(o -> prependOperation(merged, o));
      m.permissions.add(merged);
    }
    if (rule.to().isEmpty()) {
      m.permissions.add(basePermission);
    }
    return m;
  }

  private static void prependSource(List<Term> terms, Source s, boolean ext) {
    prepend(terms, Attribute.SOURCE_IP, "source.ip", s.ipBlocks(), s.notIpBlocks(), false);
    prepend(terms, Attribute.REMOTE_IP, "remote.ip", s.remoteIpBlocks(), s.notRemoteIpBlocks(), false);
    prepend(terms, Attribute.SOURCE_NAMESPACE, "source.namespace", s.namespaces(), s.notNamespaces(), false);
    prepend(terms, Attribute.REQUEST_PRINCIPAL, "request.auth.principal", s.requestPrincipals(),
        s.notRequestPrincipals(), ext);
    prepend(terms, Attribute.SOURCE_PRINCIPAL, "source.principal", s.principals(), s.notPrincipals(), false);
  }

  private static void prependOperation(List<Term> terms, Operation o) {
    prepend(terms, Attribute.DESTINATION_PORT, "destination.port", o.ports(), o.notPorts(), false);
    prepend(terms, Attribute.PATH, "path-matcher", o.paths(), o.notPaths(), false);
    prepend(terms, Attribute.METHOD, ":method", o.methods(), o.notMethods(), false);
    prepend(terms, Attribute.HOST, ":authority", o.hosts(), o.notHosts(), false);
  }

  private static void append(List<Term> terms, Attribute a, String key, List<String> v, List<String> nv, boolean ext) {
    if (!v.isEmpty() || !nv.isEmpty()) {
      terms.add(new Term(a, key, v, nv, ext));
    }
  }

  private static void prepend(List<Term> terms, Attribute a, String key, List<String> v, List<String> nv,
      boolean ext) {
    if (!v.isEmpty() || !nv.isEmpty()) {
      terms.add(0, new Term(a, key, v, nv, ext));
    }
  }

  /**
   * Rewrites the peer principals of every principal list for the bundle's trust domains. As in Istio, a
   * {@code source.principal} condition shared by several {@code from} lists is rewritten once per list.
   */
  void applyTrustDomains(TrustDomainBundle bundle) {
    for (List<Term> list : principals) {
      for (Term t : list) {
        if (t.attribute == Attribute.SOURCE_PRINCIPAL) {
          if (!t.values.isEmpty()) {
            t.values = bundle.expand(t.values);
          }
          if (!t.notValues.isEmpty()) {
            t.notValues = bundle.expand(t.notValues);
          }
        }
      }
    }
  }

  /**
   * The RBAC policy of this rule. For ALLOW a value that cannot be translated (an HTTP-only attribute on TCP, a bad
   * IP) fails the whole rule; for DENY and AUDIT it is left out, so the rule matches more, never less.
   *
   * @throws AuthzException when the rule cannot be translated for {@code action}
   */
  Policy generate(boolean forTcp, AuthzOptions.PeerIdentity peer, RBAC.Action action) {
    Policy.Builder p = Policy.newBuilder();
    for (List<Term> list : permissions) {
      List<Permission> and = new ArrayList<>();
      for (Term t : list) {
        and.addAll(permissionTerms(t, forTcp, action));
      }
      p.addPermissions(Rbac.permissionAnd(and.isEmpty() ? List.of(Rbac.permissionAny()) : and));
    }
    for (List<Term> list : principals) {
      List<Principal> and = new ArrayList<>();
      for (Term t : list) {
        and.addAll(principalTerms(t, forTcp, peer, action));
      }
      p.addPrincipals(Rbac.principalAnd(and.isEmpty() ? List.of(Rbac.principalAny()) : and));
    }
    return p.build();
  }

  /** Does one translation, giving null instead of failing unless the action is ALLOW. */
  private static <T> T attempt(RBAC.Action action, java.util.function.Supplier<T> f) {
    try {
      return f.get();
    } catch (AuthzException e) {
      if (action == RBAC.Action.ALLOW) {
        throw e;
      }
      return null;
    }
  }

  private static List<Permission> permissionTerms(Term t, boolean forTcp, RBAC.Action action) {
    List<Permission> out = new ArrayList<>();
    if (t.extended) {
      if (!t.values.isEmpty()) {
        addIfPresent(out, attempt(action, () -> t.attribute.extendedPermission(t.key, t.values)));
      }
      if (!t.notValues.isEmpty()) {
        Permission p = attempt(action, () -> t.attribute.extendedPermission(t.key, t.notValues));
        addIfPresent(out, p == null ? null : Rbac.permissionNot(p));
      }
      return out;
    }
    List<Permission> or = orOf(t.values, v -> attempt(action, () -> t.attribute.permission(t.key, v, forTcp)));
    if (!or.isEmpty()) {
      out.add(Rbac.permissionOr(or));
    }
    List<Permission> notOr = orOf(t.notValues, v -> attempt(action, () -> t.attribute.permission(t.key, v, forTcp)));
    if (!notOr.isEmpty()) {
      out.add(Rbac.permissionNot(Rbac.permissionOr(notOr)));
    }
    return out;
  }

  private static List<Principal> principalTerms(Term t, boolean forTcp, AuthzOptions.PeerIdentity peer,
      RBAC.Action action) {
    List<Principal> out = new ArrayList<>();
    if (t.extended) {
      if (!t.values.isEmpty()) {
        addIfPresent(out, attempt(action, () -> t.attribute.extendedPrincipal(t.key, t.values, forTcp)));
      }
      if (!t.notValues.isEmpty()) {
        Principal p = attempt(action, () -> t.attribute.extendedPrincipal(t.key, t.notValues, forTcp));
        addIfPresent(out, p == null ? null : Rbac.principalNot(p));
      }
      return out;
    }
    List<Principal> or = orOf(t.values, v -> attempt(action, () -> t.attribute.principal(t.key, v, forTcp, peer)));
    if (!or.isEmpty()) {
      out.add(Rbac.principalOr(or));
    }
    List<Principal> notOr =
        orOf(t.notValues, v -> attempt(action, () -> t.attribute.principal(t.key, v, forTcp, peer)));
    if (!notOr.isEmpty()) {
      out.add(Rbac.principalNot(Rbac.principalOr(notOr)));
    }
    return out;
  }

  private static <T> List<T> orOf(List<String> values, java.util.function.Function<String, T> f) {
    List<T> out = new ArrayList<>();
    for (String v : values) {
      addIfPresent(out, f.apply(v));
    }
    return out;
  }

  private static <T> void addIfPresent(List<T> out, T t) {
    if (t != null) {
      out.add(t);
    }
  }
}
