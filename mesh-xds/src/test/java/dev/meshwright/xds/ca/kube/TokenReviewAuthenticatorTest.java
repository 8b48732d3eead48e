package dev.meshwright.xds.ca.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.testing.kube.TokenReviewer;
import dev.meshwright.xds.ca.server.Authenticator.Caller;
import dev.meshwright.xds.ca.server.Authenticator.Result;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** istiod's Kubernetes JWT authentication against fabric8's mock API server answering TokenReviews. */
@EnableKubernetesMockClient
class TokenReviewAuthenticatorTest {
  KubernetesMockServer server;
  KubernetesClient kube;

  private TokenReviewer reviewer;
  private TokenReviewAuthenticator auth;

  @BeforeEach
  void setUp() {
    reviewer = TokenReviewer.on(server);
    auth = TokenReviewAuthenticator.withDefaultAudiences(kube, "corp.example");
  }

  private static Caller caller(String token) {
    return new Caller(Optional.ofNullable(token), Map.of(), "csr", List.of());
  }

  private static String reason(Result r) {
    assertThat(r).isInstanceOf(Result.Denied.class);
    return ((Result.Denied) r).reason();
  }

  @Test
  @DisplayName("a service account token for istio-ca is spiffe://<trust-domain>/ns/<ns>/sa/<sa>; the review asks "
      + "for the token and istiod's audiences")
  void serviceAccount() {
    String token = reviewer.serviceAccountToken("billing", "ledger", "istio-ca");

    Result r = auth.authenticate(caller(token));

    assertThat(r).isEqualTo(new Result.Authenticated(List.of("spiffe://corp.example/ns/billing/sa/ledger")));
    TokenReview sent = reviewer.lastReview().orElseThrow();
    assertThat(sent.getSpec().getToken()).isEqualTo(token);
    assertThat(sent.getSpec().getAudiences()).containsExactly("istio-ca");
  }

  @Test
  @DisplayName("a token for another audience, an unknown token and a user's token are refused with the reason")
  void refusals() {
    assertThat(reason(auth.authenticate(caller(reviewer.serviceAccountToken("billing", "ledger", "vault")))))
        .startsWith("the token is not authenticated: ")
        .contains("token audiences [\"vault\"] is invalid for the target audiences [\"istio-ca\"]");
    assertThat(reason(auth.authenticate(caller("forged"))))
        .startsWith("the token is not authenticated: [invalid bearer token");
    assertThat(reason(auth.authenticate(caller(reviewer.userToken("alice", "istio-ca")))))
        .isEqualTo("the token of 'alice' is not a service account token");
    assertThat(reviewer.reviews()).isEqualTo(3);
  }

  @Test
  @DisplayName("configured audiences replace istio-ca (TOKEN_AUDIENCES)")
  void customAudiences() {
    TokenReviewAuthenticator custom = new TokenReviewAuthenticator(kube, "corp.example", List.of("mesh", "istio-ca"));

    assertThat(custom.authenticate(caller(reviewer.serviceAccountToken("a", "b", "mesh"))))
        .isEqualTo(new Result.Authenticated(List.of("spiffe://corp.example/ns/a/sa/b")));
    assertThat(auth.authenticate(caller(reviewer.serviceAccountToken("a", "b", "mesh"))))
        .isInstanceOf(Result.Denied.class);
  }

  @Test
  @DisplayName("no token and an ImpersonatedIdentity request are refused without asking the API server")
  void refusedBeforeReview() {
    assertThat(reason(auth.authenticate(caller(null)))).startsWith("no bearer token");
    assertThat(reason(auth.authenticate(caller("")))).startsWith("no bearer token");
    Caller impersonating = new Caller(Optional.of(reviewer.serviceAccountToken("kube-system", "ztunnel", "istio-ca")),
        Map.of("ImpersonatedIdentity", "spiffe://corp.example/ns/billing/sa/ledger"), "csr", List.of());
    assertThat(reason(auth.authenticate(impersonating))).contains("impersonation").contains("not allowed");
    assertThat(reviewer.reviews()).isZero();
  }

  @Test
  @DisplayName("an API error (the control plane may not create tokenreviews) is a refusal naming the HTTP status")
  void apiError() {
    server.clearExpectations();
    server.expect().post().withPath(TokenReviewer.PATH).andReturn(403, new StatusBuilder().withCode(403)
        .withReason("Forbidden").withMessage("tokenreviews.authentication.k8s.io is forbidden: User "
            + "\"system:serviceaccount:istio-system:meshwright\" cannot create resource \"tokenreviews\"").build())
        .once();

    assertThat(reason(auth.authenticate(caller("any")))).startsWith("the API server could not review the token (HTTP 403)")
        .contains("cannot create resource");
  }

  @Test
  @DisplayName("review statuses: a legacy token without audiences passes, disjoint audiences, odd user names and a "
      + "missing status do not")
  void statuses() {
    List<String> aud = List.of("istio-ca");
    TokenReviewStatus legacy = sa("system:serviceaccount:ns:sa").build();
    assertThat(TokenReviewAuthenticator.interpret(legacy, aud, "td"))
        .isEqualTo(new Result.Authenticated(List.of("spiffe://td/ns/ns/sa/sa")));
    assertThat(reason(TokenReviewAuthenticator.interpret(sa("system:serviceaccount:ns:sa").withAudiences("other")
        .build(), aud, "td"))).contains("[other] include none of [istio-ca]");
    assertThat(reason(TokenReviewAuthenticator.interpret(sa("system:serviceaccount:ns").build(), aud, "td")))
        .contains("is not system:serviceaccount:<namespace>:<name>");
    assertThat(reason(TokenReviewAuthenticator.interpret(sa("system:serviceaccount:ns:a:b").build(), aud, "td")))
        .contains("is not system:serviceaccount");
    assertThat(reason(TokenReviewAuthenticator.interpret(new TokenReviewStatusBuilder().withAuthenticated(false)
        .build(), aud, "td"))).isEqualTo("the token is not authenticated");
    assertThat(reason(TokenReviewAuthenticator.interpret(null, aud, "td"))).contains("without a status");
  }

  private static TokenReviewStatusBuilder sa(String username) {
    return new TokenReviewStatusBuilder().withAuthenticated(true).withNewUser().withUsername(username)
        .withGroups("system:serviceaccounts", "system:authenticated").endUser();
  }
}
