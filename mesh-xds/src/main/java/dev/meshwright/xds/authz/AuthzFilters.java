package dev.meshwright.xds.authz;

import com.google.protobuf.Any;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.Severity;
import dev.meshwright.api.security.AuthorizationPolicy;
import dev.meshwright.api.security.AuthorizationPolicySpec.Action;
import dev.meshwright.api.security.Rule;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.rbac.v3.Policy;
import io.envoyproxy.envoy.config.rbac.v3.RBAC;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * AuthorizationPolicies to Envoy filters for one workload, as istiod builds them for inbound chains.
 *
 * <p>Filter order (one entry per action that has policies):
 * <pre>
 *   custom()  CUSTOM   envoy.filters.*.rbac in shadow mode (ids "istio-ext-authz-..."), then envoy.filters.*.ext_authz
 *             -- the listener puts the jwt_authn filter (see JwtFilters) here, between the two groups --
 *   local()   AUDIT    rbac, action LOG
 *             DENY     rbac, action DENY
 *             ALLOW    rbac, action ALLOW
 * </pre>
 * Each RBAC policy is named {@code ns[<ns>]-policy[<name>]-rule[<i>]}; a policy without rules becomes one entry that
 * never matches; dry-run policies ({@code istio.io/dry-run: "true"}) go to the shadow rules. TCP filters carry the
 * stat prefix {@code tcp.}; on TCP an ALLOW rule using HTTP-only attributes is dropped, a DENY or AUDIT rule keeps
 * its other attributes. When the CUSTOM policies name more than one provider, or a broken one, their rules become
 * DENY rules (suffix {@code -deny-due-to-bad-CUSTOM-action}); an HTTP-only provider gives nothing on TCP.
 *
 * <p>Pure and thread-safe. Never throws for bad config: untranslatable rules are left out with a warning.
 */
public final class AuthzFilters {
  /** The HTTP RBAC filter's name. */
  public static final String RBAC_HTTP = "envoy.filters.http.rbac";
  /** The network RBAC filter's name. */
  public static final String RBAC_NETWORK = "envoy.filters.network.rbac";
  /** The HTTP ext_authz filter's name. */
  public static final String EXT_AUTHZ_HTTP = "envoy.filters.http.ext_authz";
  /** The network ext_authz filter's name. */
  public static final String EXT_AUTHZ_NETWORK = "envoy.filters.network.ext_authz";
  static final String TCP_STAT_PREFIX = "tcp.";
  static final String DRY_RUN_ANNOTATION = "istio.io/dry-run";
  static final String BAD_CUSTOM_SUFFIX = "-deny-due-to-bad-CUSTOM-action";
  private static final String KIND = "AuthorizationPolicy";

  private AuthzFilters() {}

  /**
   * The filters of one chain: the CUSTOM group, the local (AUDIT, DENY, ALLOW) group, and what was left out.
   *
   * @param custom the CUSTOM filters (shadow RBAC and ext_authz, or a DENY RBAC for a bad provider), maybe empty
   * @param local the AUDIT, DENY and ALLOW RBAC filters, in that order, maybe empty
   * @param diagnostics warnings about rules and providers that could not be used
   * @param <F> the filter type: {@link HttpFilter} or the network {@link Filter}
   */
  public record Result<F>(List<F> custom, List<F> local, List<Diagnostic> diagnostics) {
    public Result {
      custom = List.copyOf(custom);
      local = List.copyOf(local);
      diagnostics = List.copyOf(diagnostics);
    }

    /** Both groups, CUSTOM first: the order when nothing goes between them. */
    public List<F> all() {
      List<F> out = new ArrayList<>(custom);
      out.addAll(local);
      return List.copyOf(out);
    }
  }

  /** The HTTP filters of {@code input}'s workload. */
  public static Result<HttpFilter> http(AuthzInput input) {
    return new Build<>(input, new HttpChain()).run();
  }

  /** The network filters of {@code input}'s workload, for TCP chains. */
  public static Result<Filter> tcp(AuthzInput input) {
    return new Build<>(input, new TcpChain()).run();
  }

  /** The per-chain part: how RBAC and ext_authz configs become filters. */
  interface Chain<F> {
    boolean forTcp();

    /** A local RBAC filter. */
    F rbac(RBAC rules, RBAC shadow, String shadowPrefix);

    /** The CUSTOM filters for a provider, or none when it has no config for this chain. */
    List<F> custom(RBAC shadow, ExtAuthzProviders.Built provider);

    /** The DENY filter that stands in for CUSTOM policies whose provider is bad. */
    F badCustom(RBAC deny);
  }

  /** One build: collects diagnostics while it turns policies into filters. Confined. */
  private static final class Build<F> {
    private final AuthzInput input;
    private final Chain<F> chain;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    Build(AuthzInput input, Chain<F> chain) {
      this.input = input;
      this.chain = chain;
    }

    Result<F> run() {
      List<F> custom = new ArrayList<>();
      List<AuthorizationPolicy> customPolicies = withAction(Action.CUSTOM);
      if (!customPolicies.isEmpty()) {
        custom.addAll(buildCustom(customPolicies));
      }
      List<F> local = new ArrayList<>();
      addLocal(local, Action.AUDIT, RBAC.Action.LOG);
      addLocal(local, Action.DENY, RBAC.Action.DENY);
      addLocal(local, Action.ALLOW, RBAC.Action.ALLOW);
      return new Result<>(custom, local, diagnostics);
    }

    private List<AuthorizationPolicy> withAction(Action action) {
      return input.policies().stream().filter(p -> p.spec().effectiveAction() == action).toList();
    }

    private void addLocal(List<F> out, Action action, RBAC.Action rbacAction) {
      List<AuthorizationPolicy> policies = withAction(action);
      if (policies.isEmpty()) {
        return;
      }
      Rules r = rules(policies, rbacAction, "");
      out.add(chain.rbac(r.enforced(), r.shadow(), shadowPrefix(r.shadow())));
    }

    private List<F> buildCustom(List<AuthorizationPolicy> policies) {
      Rules r = rules(policies, RBAC.Action.DENY, ExtAuthzProviders.MATCH_PREFIX + "-");
      List<String> providers = policies.stream().map(p -> p.spec().provider().flatMap(x -> x.name()).orElse(""))
          .toList();
      ExtAuthzProviders.Built provider;
      try {
        provider = ExtAuthzProviders.of(input.meshConfig(), input.services()).select(providers);
      } catch (AuthzException e) {
        warn(policies.get(0), "failed to process CUSTOM action, will generate deny configs for the specified rules: "
            + e.getMessage());
        RBAC.Builder deny = RBAC.newBuilder().setAction(RBAC.Action.DENY);
        if (r.enforced() != null) {
          r.enforced().getPoliciesMap().forEach((k, v) -> deny.putPolicies(k + BAD_CUSTOM_SUFFIX, v));
        }
        return List.of(chain.badCustom(deny.build()));
      }
      return chain.custom(r.enforced(), provider);
    }

    /** The enforced and shadow (dry-run) rule sets; either is null when no policy went there. */
    private record Rules(RBAC enforced, RBAC shadow) {}

    private Rules rules(List<AuthorizationPolicy> policies, RBAC.Action action, String namePrefix) {
      Map<String, Policy> enforced = new TreeMap<>();
      Map<String, Policy> shadow = new TreeMap<>();
      boolean anyEnforced = false;
      boolean anyShadow = false;
      for (AuthorizationPolicy policy : policies) {
        Map<String, Policy> target;
        if (dryRun(policy)) {
          target = shadow;
          anyShadow = true;
        } else {
          target = enforced;
          anyEnforced = true;
        }
        List<Rule> rules = policy.spec().rules();
        for (int i = 0; i < rules.size(); i++) {
          String name = namePrefix + "ns[" + policy.namespace() + "]-policy[" + policy.name() + "]-rule[" + i + "]";
          RuleModel m;
          try {
            m = RuleModel.of(rules.get(i), input.options().jwtClaims());
          } catch (AuthzException e) {
            warn(policy, "skipped invalid rule " + name + ": " + e.getMessage());
            continue;
          }
          m.applyTrustDomains(input.trustDomains());
          try {
            target.put(name, m.generate(chain.forTcp(), input.options().peerIdentity(), action));
          } catch (AuthzException e) {
            if (!chain.forTcp()) {
              warn(policy, "skipped rule " + name + ": " + e.getMessage());
            }
          }
        }
        if (rules.isEmpty()) {
          target.put(namePrefix + "ns[" + policy.namespace() + "]-policy[" + policy.name() + "]-rule[0]",
              Rbac.MATCH_NEVER);
        }
      }
      return new Rules(anyEnforced ? RBAC.newBuilder().setAction(action).putAllPolicies(enforced).build() : null,
          anyShadow ? RBAC.newBuilder().setAction(action).putAllPolicies(shadow).build() : null);
    }

    private boolean dryRun(AuthorizationPolicy policy) {
      String v = policy.metadata().annotations().get(DRY_RUN_ANNOTATION);
      if (v == null) {
        return false;
      }
      return switch (v) {
        case "1", "t", "T", "TRUE", "true", "True" -> true;
        case "0", "f", "F", "FALSE", "false", "False" -> false;
        default -> {
          warn(policy, "failed to parse the value of " + DRY_RUN_ANNOTATION + ": " + v);
          yield false;
        }
      };
    }

    private void warn(AuthorizationPolicy policy, String message) {
      diagnostics.add(new Diagnostic(Severity.WARNING, "", 0, 0, KIND, policy.namespace(), policy.name(), "",
          message));
    }
  }

  /**
   * The shadow stat prefix Istio sets: by the shadow rules' action, and (as an unset Go message reads as ALLOW)
   * the allow prefix when there are no shadow rules.
   */
  private static String shadowPrefix(RBAC shadow) {
    RBAC.Action action = shadow == null ? RBAC.Action.ALLOW : shadow.getAction();
    return switch (action) {
      case ALLOW -> "istio_dry_run_allow_";
      case DENY -> "istio_dry_run_deny_";
      default -> "";
    };
  }

  private static final class HttpChain implements Chain<HttpFilter> {
    @Override
    public boolean forTcp() {
      return false;
    }

    @Override
    public HttpFilter rbac(RBAC rules, RBAC shadow, String shadowPrefix) {
      var b = io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC.newBuilder().setShadowRulesStatPrefix(shadowPrefix);
      if (rules != null) {
        b.setRules(rules);
      }
      if (shadow != null) {
        b.setShadowRules(shadow);
      }
      return filter(RBAC_HTTP, Any.pack(b.build()));
    }

    @Override
    public List<HttpFilter> custom(RBAC shadow, ExtAuthzProviders.Built provider) {
      var b = io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC.newBuilder()
          .setShadowRulesStatPrefix(ExtAuthzProviders.SHADOW_PREFIX);
      if (shadow != null) {
        b.setShadowRules(shadow);
      }
      return List.of(filter(RBAC_HTTP, Any.pack(b.build())), filter(EXT_AUTHZ_HTTP, Any.pack(provider.http())));
    }

    @Override
    public HttpFilter badCustom(RBAC deny) {
      return filter(RBAC_HTTP, Any.pack(io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC.newBuilder()
          .setRules(deny).build()));
    }

    private static HttpFilter filter(String name, Any config) {
      return HttpFilter.newBuilder().setName(name).setTypedConfig(config).build();
    }
  }

  private static final class TcpChain implements Chain<Filter> {
    @Override
    public boolean forTcp() {
      return true;
    }

    @Override
    public Filter rbac(RBAC rules, RBAC shadow, String shadowPrefix) {
      var b = io.envoyproxy.envoy.extensions.filters.network.rbac.v3.RBAC.newBuilder()
          .setStatPrefix(TCP_STAT_PREFIX).setShadowRulesStatPrefix(shadowPrefix);
      if (rules != null) {
        b.setRules(rules);
      }
      if (shadow != null) {
        b.setShadowRules(shadow);
      }
      return filter(RBAC_NETWORK, Any.pack(b.build()));
    }

    @Override
    public List<Filter> custom(RBAC shadow, ExtAuthzProviders.Built provider) {
      if (provider.tcp() == null) {
        return List.of();
      }
      var b = io.envoyproxy.envoy.extensions.filters.network.rbac.v3.RBAC.newBuilder()
          .setStatPrefix(TCP_STAT_PREFIX).setShadowRulesStatPrefix(ExtAuthzProviders.SHADOW_PREFIX);
      if (shadow != null) {
        b.setShadowRules(shadow);
      }
      return List.of(filter(RBAC_NETWORK, Any.pack(b.build())), filter(EXT_AUTHZ_NETWORK, Any.pack(provider.tcp())));
    }

    @Override
    public Filter badCustom(RBAC deny) {
      return filter(RBAC_NETWORK, Any.pack(io.envoyproxy.envoy.extensions.filters.network.rbac.v3.RBAC.newBuilder()
          .setRules(deny).setStatPrefix(TCP_STAT_PREFIX).build()));
    }

    private static Filter filter(String name, Any config) {
      return Filter.newBuilder().setName(name).setTypedConfig(config).build();
    }
  }
}
