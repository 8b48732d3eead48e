package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.json.MeshJackson;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The volumes the proxy needs and its mounts of them: workload and credential sockets, workload certificates,
 * the root CA, Envoy's scratch space, pod info, the projected token, optional mTLS certificates, a bootstrap
 * override and the user volumes of {@code sidecar.istio.io/userVolume}/{@code userVolumeMount}. Stateless.
 */
final class SidecarVolumes {
  static final String USER_VOLUME = "sidecar.istio.io/userVolume";
  static final String USER_VOLUME_MOUNT = "sidecar.istio.io/userVolumeMount";
  static final String BOOTSTRAP = "sidecar.istio.io/bootstrapOverride";

  private SidecarVolumes() {}

  /** The proxy's mounts in the sidecar template; {@code gateway} leaves out the bootstrap and user mounts. */
  static ArrayNode mounts(TemplateInput in, boolean gateway) {
    ArrayNode m = Json.arr();
    mount(m, "workload-socket", "/var/run/secrets/workload-spiffe-uds");
    mount(m, "credential-socket", "/var/run/secrets/credential-uds");
    if (gke(in)) {
      mount(m, "gke-workload-certificate", "/var/run/secrets/workload-spiffe-credentials").put("readOnly", true);
    } else {
      mount(m, "workload-certs", "/var/run/secrets/workload-spiffe-credentials");
    }
    if (in.values.text("global.pilotCertProvider").equals("istiod")) {
      mount(m, "istiod-ca-cert", "/var/run/secrets/istio");
    }
    if (!gateway && in.values.text("global.pilotCertProvider").equals("kubernetes")) {
      mount(m, "kube-ca-cert", "/var/run/secrets/istio/kubernetes");
    }
    mount(m, "istio-data", "/var/lib/istio/data");
    if (!gateway && in.annotations.containsKey(BOOTSTRAP)) {
      mount(m, "custom-bootstrap-volume", "/etc/istio/custom-bootstrap");
    }
    mount(m, "istio-envoy", "/etc/istio/proxy");
    mount(m, "istio-token", "/var/run/secrets/tokens");
    if (in.values.truthy("global.mountMtlsCerts")) {
      mount(m, "istio-certs", "/etc/certs/").put("readOnly", true);
    }
    mount(m, "istio-podinfo", "/etc/istio/pod");
    if (gateway) {
      return m;
    }
    userEntries(in, USER_VOLUME_MOUNT).forEach((name, spec) -> {
      ObjectNode entry = Json.obj();
      entry.put("name", name);
      if (spec instanceof ObjectNode o) {
        entry.setAll(o);
      }
      m.add(entry);
    });
    return m;
  }

  /** The sidecar template's volumes; {@code gateway} gives every socket volume an explicit {@code emptyDir}. */
  static ArrayNode volumes(TemplateInput in, boolean gateway) {
    ArrayNode v = Json.arr();
    emptyDir(v, "workload-socket", gateway);
    emptyDir(v, "credential-socket", gateway);
    if (gke(in)) {
      v.addObject().put("name", "gke-workload-certificate").putObject("csi")
          .put("driver", "workloadcertificates.security.cloud.google.com");
    } else {
      emptyDir(v, "workload-certs", gateway);
    }
    if (!gateway && in.annotations.containsKey(BOOTSTRAP)) {
      v.addObject().put("name", "custom-bootstrap-volume").putObject("configMap")
          .put("name", in.annotations.get(BOOTSTRAP));
    }
    ObjectNode envoy = v.addObject();
    envoy.putObject("emptyDir").put("medium", "Memory");
    envoy.put("name", "istio-envoy");
    ObjectNode data = v.addObject();
    data.put("name", "istio-data");
    data.putObject("emptyDir");
    ObjectNode podinfo = v.addObject().put("name", "istio-podinfo");
    ArrayNode items = podinfo.putObject("downwardAPI").putArray("items");
    items.addObject().put("path", "labels").putObject("fieldRef").put("fieldPath", "metadata.labels");
    items.addObject().put("path", "annotations").putObject("fieldRef").put("fieldPath", "metadata.annotations");
    ObjectNode token = v.addObject().put("name", "istio-token");
    token.putObject("projected").putArray("sources").addObject().putObject("serviceAccountToken")
        .put("path", "istio-token").put("expirationSeconds", 43200)
        .put("audience", in.values.text("global.sds.token.aud"));
    if (in.values.text("global.pilotCertProvider").equals("istiod")) {
      v.addObject().put("name", "istiod-ca-cert").putObject("configMap").put("name", "istio-ca-root-cert");
    }
    if (!gateway && in.values.text("global.pilotCertProvider").equals("kubernetes")) {
      v.addObject().put("name", "kube-ca-cert").putObject("configMap").put("name", "kube-root-ca.crt");
    }
    if (in.values.truthy("global.mountMtlsCerts")) {
      String sa = Json.text(in.spec(), "serviceAccountName");
      v.addObject().put("name", "istio-certs").putObject("secret").put("optional", true)
          .put("secretName", sa.isEmpty() ? "istio.default" : "istio." + sa);
    }
    if (!gateway) {
      userEntries(in, USER_VOLUME).forEach((name, spec) -> {
        ObjectNode entry = Json.obj();
        entry.put("name", name);
        if (spec instanceof ObjectNode o) {
          entry.setAll(o);
        }
        v.add(entry);
      });
    }
    return v;
  }

  private static boolean gke(TemplateInput in) {
    return in.values.text("global.caName").equals("GkeWorkloadCertificate");
  }

  private static ObjectNode mount(ArrayNode list, String name, String path) {
    ObjectNode m = list.addObject();
    m.put("name", name);
    m.put("mountPath", path);
    return m;
  }

  private static void emptyDir(ArrayNode list, String name, boolean explicit) {
    ObjectNode v = list.addObject();
    v.put("name", name);
    if (explicit) {
      v.putObject("emptyDir");
    }
  }

  /** The JSON map of a user volume annotation, sorted by name; empty when absent or unreadable. */
  private static Map<String, JsonNode> userEntries(TemplateInput in, String key) {
    Map<String, JsonNode> out = new TreeMap<>();
    String text = in.annotations.get(key);
    if (text == null) {
      return out;
    }
    try {
      JsonNode n = MeshJackson.json().readTree(text);
      n.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
    } catch (IOException e) {
      // an unreadable annotation renders nothing
    }
    return out;
  }
}
