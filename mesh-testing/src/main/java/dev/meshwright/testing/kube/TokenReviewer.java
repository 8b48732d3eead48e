package dev.meshwright.testing.kube;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The API server's {@code TokenReview} endpoint on fabric8's mock server, which cannot answer reviews by itself
 * (a review is create-only: CRUD mode would store and echo it). Registered as an expectation that always answers
 * {@code POST /apis/authentication.k8s.io/v1/tokenreviews}; in CRUD mode expectations take precedence and every
 * other path stays CRUD.
 *
 * <p>Answers as a real API server does: a token minted here with {@link #serviceAccountToken} or {@link #userToken}
 * is authenticated when the review asks for none of its audiences or one of them ({@code status.audiences} is the
 * intersection); an unknown token, or one whose audiences the review does not ask for, is unauthenticated with the
 * API server's kind of error text. Thread-safe.
 */
public final class TokenReviewer {
  /** The path reviews are posted to. */
  public static final String PATH = "/apis/authentication.k8s.io/v1/tokenreviews";

  private record Token(String username, List<String> groups, List<String> audiences) {}

  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final AtomicInteger reviews = new AtomicInteger();
  private final AtomicReference<TokenReview> last = new AtomicReference<>();

  private TokenReviewer() {}

  /** A reviewer answering on {@code server} from now on. */
  public static TokenReviewer on(KubernetesMockServer server) {
    TokenReviewer r = new TokenReviewer();
    server.expect().post().withPath(PATH).andReply(201, r::review).always();
    return r;
  }

  /** A new token of service account {@code namespace/name} valid for {@code audiences}. */
  public String serviceAccountToken(String namespace, String name, String... audiences) {
    return mint(new Token("system:serviceaccount:" + namespace + ":" + name,
        List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated"),
        List.of(audiences)));
  }

  /** A new token of a user who is not a service account, valid for {@code audiences}. */
  public String userToken(String username, String... audiences) {
    return mint(new Token(username, List.of("system:authenticated"), List.of(audiences)));
  }

  /** How many reviews were answered. */
  public int reviews() {
    return reviews.get();
  }

  /** The last review received, as the client sent it (without a status). */
  public Optional<TokenReview> lastReview() {
    return Optional.ofNullable(last.get());
  }

  private String mint(Token t) {
    String token = "test-token-" + UUID.randomUUID();
    tokens.put(token, t);
    return token;
  }

  private String review(RecordedRequest request) {
    reviews.incrementAndGet();
    String body = request.getUtf8Body();
    last.set(Serialization.unmarshal(body, TokenReview.class));
    TokenReview review = Serialization.unmarshal(body, TokenReview.class);
    List<String> asked = review.getSpec() == null || review.getSpec().getAudiences() == null
        ? List.of() : review.getSpec().getAudiences();
    Token t = review.getSpec() == null ? null : tokens.get(review.getSpec().getToken());
    TokenReviewStatusBuilder status = new TokenReviewStatusBuilder();
    if (t == null) {
      status.withAuthenticated(false).withError("[invalid bearer token, square/go-jose: error in cryptographic primitive]");
    } else {
      List<String> common = new ArrayList<>(asked.isEmpty() ? t.audiences() : asked);
      common.retainAll(t.audiences());
      if (common.isEmpty()) {
        status.withAuthenticated(false).withError("[invalid bearer token, token audiences " + quoted(t.audiences())
            + " is invalid for the target audiences " + quoted(asked) + "]");
      } else {
        status.withAuthenticated(true).withAudiences(common).withNewUser().withUsername(t.username())
            .withGroups(t.groups()).withUid(UUID.nameUUIDFromBytes(t.username().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString()).endUser();
      }
    }
    review.setStatus(status.build());
    return Serialization.asJson(review);
  }

  private static String quoted(List<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").toList().toString().replace(", ", " ");
  }
}
