package dev.meshwright.xds.server;

import static dev.meshwright.xds.server.SotwProtocolTest.A_SE;
import static dev.meshwright.xds.server.TestMesh.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.ca.CaOptions;
import dev.meshwright.xds.ca.CertificateAuthority;
import dev.meshwright.xds.ca.Pem;
import dev.meshwright.xds.ca.TestCsrs;
import dev.meshwright.xds.ca.server.Authenticator;
import dev.meshwright.xds.ca.server.CertificateRequest;
import dev.meshwright.xds.ca.server.CertificateResponse;
import dev.meshwright.xds.ca.server.IstioCertificateService;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** istio.v1.auth.IstioCertificateService/CreateCertificate over gRPC, and workload SDS over ADS. */
class CertificateServiceTest {
  private static final String ID = "spiffe://corp.example/ns/billing/sa/ledger";
  private final CertificateAuthority ca =
      CertificateAuthority.selfSigned(CaOptions.defaults().withTrustDomain("corp.example"), Clock.systemUTC());

  private static String csrWithSan(KeyPair kp, String uri) throws Exception {
    ExtensionsGenerator ext = new ExtensionsGenerator();
    ext.addExtension(Extension.subjectAlternativeName, true,
        new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, uri)));
    return Pem.write(new JcaPKCS10CertificationRequestBuilder(new X500Name("O=corp"), kp.getPublic())
        .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate())
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
  }

  private AdsServer server(Authenticator auth) throws Exception {
    return AdsServer.builder(TestMesh.source(), snapshot(A_SE)).options(AdsOptions.loopback())
        .service(new IstioCertificateService(() -> ca, auth)).workloadCertificates(() -> ca).start();
  }

  private static CertificateResponse call(int port, CertificateRequest req) {
    ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      return ClientCalls.blockingUnaryCall(ch, IstioCertificateService.CREATE_CERTIFICATE, CallOptions.DEFAULT, req);
    } finally {
      ch.shutdownNow();
    }
  }

  @Test
  @DisplayName("the messages use Istio's field numbers: csr=1, validity_duration=3, metadata=4; cert_chain=1")
  void wireFormat() throws Exception {
    assertThat(HexFormat.of().formatHex(CertificateRequest.of("x", 3600).toByteArray())).isEqualTo("0a0178" + "18901c");
    Struct md = Struct.newBuilder().putFields("k", Value.newBuilder().setStringValue("v").build()).build();
    CertificateRequest req = new CertificateRequest("pem", 60, md);
    assertThat(CertificateRequest.parse(new ByteArrayInputStream(req.toByteArray()))).isEqualTo(req);
    CertificateResponse resp = new CertificateResponse(List.of("a", "b"));
    assertThat(HexFormat.of().formatHex(resp.toByteArray())).isEqualTo("0a0161" + "0a0162");
    assertThat(CertificateResponse.parse(new ByteArrayInputStream(resp.toByteArray()))).isEqualTo(resp);
  }

  @Test
  @DisplayName("CreateCertificate signs the CSR for the identity the authenticator accepted, leaf to root")
  void creates() throws Exception {
    try (AdsServer server = server(Authenticator.trustRequestedIdentity("corp.example"))) {
      CertificateResponse r = call(server.port(), CertificateRequest.of(csrWithSan(TestCsrs.keyPair(), ID), 7200));
      assertThat(r.certChain()).hasSize(2);
      X509Certificate leaf = Pem.certificates(r.certChain().get(0)).get(0);
      assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(6, ID));
      assertThat(leaf.getNotAfter().getTime() - leaf.getNotBefore().getTime()).isEqualTo(7_200_000L);
      assertThat(Pem.certificates(r.certChain().get(1))).containsExactly(ca.trustBundle().get(0));
    }
  }

  @Test
  @DisplayName("a refused caller gets UNAUTHENTICATED with the reason; a broken CSR gets INVALID_ARGUMENT")
  void refusals() throws Exception {
    try (AdsServer server = server(Authenticator.trustRequestedIdentity("corp.example"))) {
      assertThatThrownBy(() -> call(server.port(),
          CertificateRequest.of(csrWithSan(TestCsrs.keyPair(), "spiffe://other.example/ns/a/sa/b"), 0)))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(e.getStatus().getDescription()).contains("trust domain corp.example");
          });
      Struct md = Struct.newBuilder().putFields("ImpersonatedIdentity", Value.newBuilder().setStringValue(ID).build())
          .build();
      assertThatThrownBy(() -> call(server.port(), new CertificateRequest("not a csr", 0, md)))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }
    try (AdsServer server = server(Authenticator.denyAll())) {
      assertThatThrownBy(() -> call(server.port(), CertificateRequest.of(csrWithSan(TestCsrs.keyPair(), ID), 0)))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }
  }

  @Test
  @DisplayName("a proxy subscribing to SDS default and ROOTCA gets its SPIFFE certificate and the trust bundle")
  void workloadSds() throws Exception {
    try (AdsServer server = server(Authenticator.denyAll()); AdsClient client = AdsClient.sotw(server.port())) {
      client.request(TypeUrls.SECRET, List.of("default", "ROOTCA"), "", "");
      DiscoveryResponse r = client.next();
      assertThat(Names.of(r)).containsExactly("ROOTCA", "default");
      Secret def = r.getResources(1).unpack(Secret.class);
      X509Certificate leaf = Pem.certificates(def.getTlsCertificate().getCertificateChain().getInlineBytes()
          .toStringUtf8()).get(0);
      assertThat(leaf.getSubjectAlternativeNames())
          .containsExactly(List.of(6, "spiffe://corp.example/ns/shop/sa/default"));
      assertThat(Pem.privateKey(def.getTlsCertificate().getPrivateKey().getInlineBytes().toStringUtf8()))
          .isNotNull();
      Secret root = r.getResources(0).unpack(Secret.class);
      assertThat(Pem.certificates(root.getValidationContext().getTrustedCa().getInlineBytes().toStringUtf8()))
          .containsExactlyElementsOf(ca.trustBundle());
      client.ack(r, List.of("default", "ROOTCA"));
      String dump = dev.meshwright.xds.ConfigDumps.json(server.configDump("shop-v1-abc.shop").orElseThrow());
      assertThat(dump).contains("W3JlZGFjdGVkXQ==").doesNotContain("LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t");
    }
  }
}
