package dev.meshwright.xds.ca.kube;

import dev.meshwright.xds.ca.SpiffeId;
import dev.meshwright.xds.ca.server.Authenticator;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Objects;

/**
 * istiod's Kubernetes JWT authenticator ({@code KubeJWTAuthenticator}) for CSR callers: the caller's bearer token
 * (gRPC {@code authorization: Bearer <jwt>}) is sent to the API server in a {@code TokenReview} with the CA's token
 * audiences ({@code TOKEN_AUDIENCES}, {@code istio-ca} by default); a review that authenticates user
 * {@code system:serviceaccount:<ns>:<sa>} in group {@code system:serviceaccounts} makes the caller
 * {@code spiffe://<trust-domain>/ns/<ns>/sa/<sa>}. Everything else is {@link Result.Denied} with the reason: no
 * token, an unauthenticated review (a bad, expired or wrong-audience token; the API server's error is quoted), a
 * review whose audiences are not the requested ones, a user that is not a service account, an API error (for example
 * the control plane's account may not create {@code tokenreviews}), and {@code ImpersonatedIdentity} in the request
 * metadata (istiod refuses impersonation when no trusted node accounts are configured, and none can be here).
 *
 * <p>As in istiod with {@code REQUIRE_3P_TOKEN=false}, a legacy (first-party) token the API server accepts without
 * naming an audience is accepted. Every call is one review (istiod caches none either). Only one cluster is
 * consulted; a {@code clusterid} header is not read. Thread-safe (the fabric8 client is); never throws.
 */
public final class TokenReviewAuthenticator implements Authenticator {
  /** istiod's default {@code TOKEN_AUDIENCES}. */
  public static final List<String> DEFAULT_AUDIENCES = List.of("istio-ca");

  private static final String SERVICE_ACCOUNT_GROUP = "system:serviceaccounts";
  private static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";
  private static final String IMPERSONATED_IDENTITY = "ImpersonatedIdentity";

  private final KubernetesClient client;
  private final String trustDomain;
  private final List<String> audiences;

  /**
   * An authenticator reviewing tokens with {@code client}'s API server.
   *
   * @param trustDomain the trust domain of the identities returned
   * @param audiences the audiences a token must carry (one of them), as {@code TOKEN_AUDIENCES}; not empty
   */
  public TokenReviewAuthenticator(KubernetesClient client, String trustDomain, List<String> audiences) {
    this.client = Objects.requireNonNull(client, "client");
    this.trustDomain = Objects.requireNonNull(trustDomain, "trustDomain");
    this.audiences = List.copyOf(audiences);
    if (this.audiences.isEmpty() || trustDomain.isEmpty()) {
      throw new IllegalArgumentException("need a trust domain and at least one token audience");
    }
  }

  /** An authenticator with istiod's default audiences. */
  public static TokenReviewAuthenticator withDefaultAudiences(KubernetesClient client, String trustDomain) {
    return new TokenReviewAuthenticator(client, trustDomain, DEFAULT_AUDIENCES);
  }

  @Override
  public Result authenticate(Caller caller) {
    if (caller.bearerToken().isEmpty() || caller.bearerToken().get().isEmpty()) {
      return new Result.Denied("no bearer token: send the workload's service account token as "
          + "'authorization: Bearer <jwt>'");
    }
    Object impersonated = caller.requestMetadata().get(IMPERSONATED_IDENTITY);
    if (impersonated instanceof String s && !s.isEmpty()) {
      return new Result.Denied("impersonation of " + s + " is not allowed: no trusted node accounts are configured");
    }
    TokenReview review = new TokenReviewBuilder().withNewSpec().withToken(caller.bearerToken().get())
        .withAudiences(audiences).endSpec().build();
    TokenReview answer;
    try {
      answer = client.authentication().v1().tokenReviews().create(review);
    } catch (KubernetesClientException e) {
      return new Result.Denied("the API server could not review the token (HTTP " + e.getCode() + "): "
          + e.getMessage());
    } catch (RuntimeException e) {
      return new Result.Denied("the API server could not review the token: " + e);
    }
    return interpret(answer == null ? null : answer.getStatus(), audiences, trustDomain);
  }

  /** The verdict on a review's status, for a review that asked for {@code audiences}. */
  static Result interpret(TokenReviewStatus status, List<String> audiences, String trustDomain) {
    if (status == null) {
      return new Result.Denied("the API server returned a token review without a status");
    }
    if (status.getError() != null && !status.getError().isEmpty()) {
      return new Result.Denied("the token is not authenticated: " + status.getError());
    }
    if (!Boolean.TRUE.equals(status.getAuthenticated())) {
      return new Result.Denied("the token is not authenticated");
    }
    List<String> granted = status.getAudiences() == null ? List.of() : status.getAudiences();
    if (!granted.isEmpty() && granted.stream().noneMatch(audiences::contains)) {
      return new Result.Denied("the token's audiences " + granted + " include none of " + audiences);
    }
    UserInfo user = status.getUser();
    String name = user == null || user.getUsername() == null ? "" : user.getUsername();
    if (user == null || user.getGroups() == null || !user.getGroups().contains(SERVICE_ACCOUNT_GROUP)) {
      return new Result.Denied("the token of '" + name + "' is not a service account token");
    }
    String[] parts = name.split(":", -1);
    if (!name.startsWith(SERVICE_ACCOUNT_PREFIX) || parts.length != 4 || parts[2].isEmpty() || parts[3].isEmpty()) {
      return new Result.Denied("the reviewed user '" + name + "' is not system:serviceaccount:<namespace>:<name>");
    }
    try {
      return new Result.Authenticated(List.of(new SpiffeId(trustDomain, parts[2], parts[3]).uri()));
    } catch (IllegalArgumentException e) {
      return new Result.Denied(e.getMessage());
    }
  }
}
