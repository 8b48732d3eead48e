package dev.meshwright.xds.server;

import static dev.meshwright.xds.server.SotwProtocolTest.A_SE;
import static dev.meshwright.xds.server.TestMesh.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwright.testing.kube.TokenReviewer;
import dev.meshwright.xds.ca.CaOptions;
import dev.meshwright.xds.ca.CertificateAuthority;
import dev.meshwright.xds.ca.Pem;
import dev.meshwright.xds.ca.TestCsrs;
import dev.meshwright.xds.ca.kube.TokenReviewAuthenticator;
import dev.meshwright.xds.ca.server.CertificateRequest;
import dev.meshwright.xds.ca.server.CertificateResponse;
import dev.meshwright.xds.ca.server.IstioCertificateService;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.grpc.CallOptions;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * CreateCertificate over gRPC with a Kubernetes service account token, reviewed by fabric8's mock API server: the
 * way istio-agent asks istiod for a workload certificate.
 */
@EnableKubernetesMockClient
class TokenReviewCertificateTest {
  KubernetesMockServer server;
  KubernetesClient kube;

  private final CertificateAuthority ca =
      CertificateAuthority.selfSigned(CaOptions.defaults().withTrustDomain("corp.example"), Clock.systemUTC());

  private static CertificateResponse call(int port, String authorization, CertificateRequest req) {
    ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      Metadata headers = new Metadata();
      headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), authorization);
      return ClientCalls.blockingUnaryCall(
          ClientInterceptors.intercept(ch, MetadataUtils.newAttachHeadersInterceptor(headers)),
          IstioCertificateService.CREATE_CERTIFICATE, CallOptions.DEFAULT, req);
    } finally {
      ch.shutdownNow();
    }
  }

  @Test
  @DisplayName("a CSR with the pod's service account token gets a certificate for its SPIFFE ID; a forged token and a "
      + "token for another audience get UNAUTHENTICATED with the reason")
  void certificateForServiceAccountToken() throws Exception {
    TokenReviewer reviewer = TokenReviewer.on(server);
    IstioCertificateService service = new IstioCertificateService(() -> ca,
        TokenReviewAuthenticator.withDefaultAudiences(kube, "corp.example"));
    try (AdsServer ads = AdsServer.builder(TestMesh.source(), snapshot(A_SE)).options(AdsOptions.loopback())
        .service(service).start()) {
      String token = reviewer.serviceAccountToken("billing", "ledger", "istio-ca");

      CertificateResponse r = call(ads.port(), "Bearer " + token,
          CertificateRequest.of(TestCsrs.csr(TestCsrs.keyPair()), 3600));

      X509Certificate leaf = Pem.certificates(r.certChain().get(0)).get(0);
      assertThat(leaf.getSubjectAlternativeNames())
          .containsExactly(List.of(6, "spiffe://corp.example/ns/billing/sa/ledger"));
      assertThat(Pem.certificates(r.certChain().get(r.certChain().size() - 1))).containsExactly(ca.trustBundle().get(0));

      assertThatThrownBy(() -> call(ads.port(), "Bearer forged", CertificateRequest.of(TestCsrs.csr(TestCsrs.keyPair()), 0)))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(e.getStatus().getDescription()).contains("the token is not authenticated");
          });
      String vault = reviewer.serviceAccountToken("billing", "ledger", "vault");
      assertThatThrownBy(() -> call(ads.port(), "Bearer " + vault, CertificateRequest.of(TestCsrs.csr(TestCsrs.keyPair()), 0)))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(e.getStatus().getDescription()).contains("invalid for the target audiences [\"istio-ca\"]");
          });
      assertThatThrownBy(() -> call(ads.port(), "Basic dXNlcjpwYXNz", CertificateRequest.of(TestCsrs.csr(TestCsrs.keyPair()), 0)))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(e.getStatus().getDescription()).startsWith("no bearer token");
          });
      assertThat(reviewer.reviews()).isEqualTo(3);
    }
  }
}
