package dev.meshwright.fabric8.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.security.MutualTls;
import dev.meshwright.api.security.PeerAuthentication;
import dev.meshwright.api.security.PeerAuthenticationSpec;
import dev.meshwright.fabric8.Fabric8Resources;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Server-side apply against recorded expectations: fabric8's CRUD mock does not implement apply patches, so
 * these tests check the request Meshwright sends and how it reads the answer.
 */
@EnableKubernetesMockClient
class MeshClientServerSideApplyTest {
  private static final String PATH =
      "/apis/security.istio.io/v1/namespaces/mesh/peerauthentications/ratings?fieldManager=meshwright";

  KubernetesMockServer server;
  KubernetesClient kube;

  @Test
  @DisplayName("serverSideApply sends an apply patch as the field manager, without managed fields, and returns the server's object")
  void sendsApplyPatch() throws InterruptedException {
    PeerAuthentication stored = PeerAuthentication.builder().from(ratings())
        .metadata(ObjectMeta.builder().from(ratings().metadata()).resourceVersion("7").build())
        .build();
    server.expect().patch().withPath(PATH).andReturn(200, Fabric8Resources.toGeneric(stored)).once();

    PeerAuthentication withManagedFields = PeerAuthentication.builder().from(ratings())
        .metadata(ObjectMeta.builder().from(ratings().metadata())
            .managedFields(List.of(Map.of("manager", "someone-else"))).build())
        .build();
    PeerAuthentication applied = MeshClient.of(kube).serverSideApply(withManagedFields, "meshwright");

    assertThat(applied).isEqualTo(stored);
    RecordedRequest request = server.getLastRequest();
    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(request.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
    assertThat(request.getUtf8Body()).contains("\"mode\":\"STRICT\"").doesNotContain("managedFields");
  }

  @Test
  @DisplayName("a conflict on apply is a MeshClientException with the server's message")
  void conflict() {
    server.expect().patch().withPath(PATH)
        .andReturn(409, new StatusBuilder().withCode(409).withReason("Conflict")
            .withMessage("Apply failed with 1 conflict: conflict with \"istioctl\": .spec.mtls.mode").build())
        .once();

    assertThatThrownBy(() -> MeshClient.of(kube).serverSideApply(ratings(), "meshwright"))
        .isInstanceOf(MeshClientException.class)
        .hasMessage("apply PeerAuthentication mesh/ratings failed (HTTP 409): "
            + "Apply failed with 1 conflict: conflict with \"istioctl\": .spec.mtls.mode");
  }

  private static PeerAuthentication ratings() {
    return PeerAuthentication.builder()
        .metadata(ObjectMeta.of("ratings", "mesh"))
        .spec(PeerAuthenticationSpec.builder().mtls(MutualTls.of(MutualTls.Mode.STRICT)).build())
        .build();
  }
}
