package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code virtualservice.JWTClaimRouteAnalyzer}: VirtualServices routing on a JWT claim header
 * ({@code @request.auth.claims.x} or {@code @request.auth.claims[x]}) through a gateway with pods no
 * RequestAuthentication (in {@code istio-system} or the pod's namespace) selects (IST0149).
 */
public final class JwtClaimRouteAnalyzer extends Base {
  private static final String CLAIM_PREFIX = "@request.auth.claims";

  public JwtClaimRouteAnalyzer() {
    super("virtualservice.JWTClaimRouteAnalyzer",
        "Checks the VirtualService using JWT claim based routing has corresponding RequestAuthentication",
        Kinds.VIRTUAL_SERVICE, Kinds.REQUEST_AUTHENTICATION, Kinds.GATEWAY, Kinds.POD);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    Map<String, List<Selector>> byNamespace = new HashMap<>();
    for (AnalysisResource ra : ctx.resources(Kinds.REQUEST_AUTHENTICATION)) {
      byNamespace.computeIfAbsent(ra.namespace(), k -> new ArrayList<>())
          .add(Selector.of(ra.spec().path("selector").path("matchLabels")));
    }
    for (AnalysisResource vs : ctx.resources(Kinds.VIRTUAL_SERVICE)) {
      Optional<String> key = claimKey(vs.spec());
      if (key.isEmpty()) {
        continue;
      }
      for (String gwName : Json.strings(vs.spec(), "gateways")) {
        if (gwName.equals("mesh")) {
          continue;
        }
        String[] full = VirtualServiceGatewayAnalyzer.shortOrFull(vs.namespace(), gwName);
        Optional<AnalysisResource> gw = ctx.find(Kinds.GATEWAY, full[0], full[1]);
        if (gw.isEmpty()) {
          continue;
        }
        Selector gwSelector = Selector.of(gw.get().spec().path("selector"));
        for (AnalysisResource pod : ctx.selectedBy(Kinds.POD, gwSelector.labels())) {
          List<Selector> selectors = new ArrayList<>(byNamespace.getOrDefault("istio-system", List.of()));
          selectors.addAll(byNamespace.getOrDefault(pod.namespace(), List.of()));
          if (selectors.stream().noneMatch(s -> s.matches(pod.labels()))) {
            ctx.report(Messages.JWT_CLAIM_BASED_ROUTING_WITHOUT_REQUEST_AUTH_N, vs, key.get(),
                full[0] + "/" + full[1], pod.name());
          }
        }
      }
    }
  }

  private static Optional<String> claimKey(JsonNode spec) {
    for (JsonNode http : Json.list(spec, "http")) {
      for (JsonNode match : Json.list(http, "match")) {
        for (String field : List.of("headers", "withoutHeaders")) {
          var it = match.path(field).fieldNames();
          while (it.hasNext()) {
            String k = it.next();
            if (isClaim(k)) {
              return Optional.of(k);
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  static boolean isClaim(String header) {
    if (!header.toLowerCase(Locale.ROOT).startsWith(CLAIM_PREFIX)) {
      return false;
    }
    String name = header.substring(CLAIM_PREFIX.length());
    return name.startsWith(".") && name.length() > 1
        || name.startsWith("[") && name.endsWith("]") && name.length() > 2;
  }
}
