package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The proxyless gRPC templates: {@code grpc-simple} (an init container writes an xDS bootstrap file that every
 * app container reads; no proxy) and {@code grpc-agent} (the Istio agent without Envoy serves xDS and certificates
 * to the app containers over a shared {@code istio-xds} volume). Both switch the probe rewrite off. Stateless.
 */
final class GrpcTemplates {
  static final String SIMPLE = "grpc-simple";
  static final String AGENT = "grpc-agent";
  private static final String BOOTSTRAP_VOLUME = "grpc-io-proxyless-bootstrap";
  private static final String BOOTSTRAP_DIR = "/var/lib/grpc/data/";
  private static final String BOOTSTRAP_SCRIPT = String.join("\n",
      "NODE_ID=\"sidecar~${INSTANCE_IP}~${POD_NAME}.${POD_NAMESPACE}~cluster.local\"",
      "SERVER_URI=\"dns:///istiod.${ISTIO_NAMESPACE}.svc:15010\"",
      "echo '",
      "{",
      "  \"xds_servers\": [",
      "    {",
      "      \"server_uri\": \"'${SERVER_URI}'\",",
      "      \"channel_creds\": [{\"type\": \"insecure\"}],",
      "      \"server_features\" : [\"xds_v3\"]",
      "    }",
      "  ],",
      "  \"node\": {",
      "    \"id\": \"'${NODE_ID}'\",",
      "    \"metadata\": {",
      "      \"GENERATOR\": \"grpc\"",
      "    }",
      "  }",
      "}' > " + BOOTSTRAP_DIR + "bootstrap.json");

  private GrpcTemplates() {}

  static ObjectNode simple(TemplateInput in) {
    ObjectNode pod = Json.obj();
    pod.putObject("metadata").putObject("annotations").put(ProbeRewrite.ANNOTATION, "false");
    ObjectNode spec = pod.putObject("spec");
    ObjectNode init = spec.putArray("initContainers").addObject();
    init.put("name", "grpc-bootstrap-init");
    init.put("image", "busybox:1.28");
    mount(init.putArray("volumeMounts"), BOOTSTRAP_VOLUME, BOOTSTRAP_DIR);
    ArrayNode env = init.putArray("env");
    env.add(Json.fieldEnv("INSTANCE_IP", "status.podIP"));
    env.add(Json.fieldEnv("POD_NAME", "metadata.name"));
    env.add(Json.fieldEnv("POD_NAMESPACE", "metadata.namespace"));
    env.add(Json.env("ISTIO_NAMESPACE", in.values.text("global.istioNamespace") + "\n"));
    init.set("command", Json.strings("sh", "-c", BOOTSTRAP_SCRIPT));
    ArrayNode containers = spec.putArray("containers");
    for (JsonNode c : in.spec().path("containers")) {
      ObjectNode app = containers.addObject();
      app.put("name", Json.text(c, "name"));
      ArrayNode appEnv = app.putArray("env");
      appEnv.add(Json.env("GRPC_XDS_BOOTSTRAP", BOOTSTRAP_DIR + "bootstrap.json"));
      appEnv.add(Json.env("GRPC_GO_LOG_VERBOSITY_LEVEL", "99"));
      appEnv.add(Json.env("GRPC_GO_LOG_SEVERITY_LEVEL", "info"));
      mount(app.putArray("volumeMounts"), BOOTSTRAP_VOLUME, BOOTSTRAP_DIR);
    }
    ObjectNode volume = spec.putArray("volumes").addObject();
    volume.put("name", BOOTSTRAP_VOLUME);
    volume.putObject("emptyDir");
    return pod;
  }

  static ObjectNode agent(TemplateInput in) {
    ObjectNode pod = Json.obj();
    ObjectNode meta = pod.putObject("metadata");
    ObjectNode labels = meta.putObject("labels");
    labels.put("service.istio.io/canonical-name", in.canonicalName());
    labels.put("service.istio.io/canonical-revision", in.canonicalRevision());
    ObjectNode annotations = meta.putObject("annotations");
    SidecarTemplates.commonAnnotations(in, annotations, false);
    annotations.put(ProbeRewrite.ANNOTATION, "false");
    ObjectNode spec = pod.putObject("spec");
    ArrayNode containers = spec.putArray("containers");
    ObjectNode proxy = containers.addObject();
    proxy.put("name", TemplateInput.PROXY);
    proxy.put("image", in.image("global.proxy.image"));
    ObjectNode port = proxy.putArray("ports").addObject();
    port.put("containerPort", 15020).put("protocol", "TCP").put("name", "mesh-metrics");
    proxy.set("args", ProxyContainer.args(in, "sidecar"));
    proxy.putObject("lifecycle").putObject("postStart").putObject("exec").set("command",
        Json.strings("pilot-agent", "wait", "--url=http://localhost:15020/healthz/ready"));
    ArrayNode env = Json.arr();
    env.add(Json.env("ISTIO_META_GENERATOR", "grpc"));
    env.add(Json.env("OUTPUT_CERTS", "/var/lib/istio/data"));
    for (JsonNode e : ProxyEnv.of(in, false)) {
      String name = Json.text(e, "name");
      if (!name.equals("ISTIO_CPU_LIMIT") && !name.equals("GOMEMLIMIT") && !name.equals("GOMAXPROCS")
          && !name.equals("ISTIO_META_INTERCEPTION_MODE") && !name.equals("COMPLIANCE_POLICY")
          && !name.equals("ISTIO_BOOTSTRAP_OVERRIDE")) {
        env.add(e);
      }
    }
    env.add(Json.env("ISTIO_META_DNS_CAPTURE", "false"));
    env.add(Json.env("DISABLE_ENVOY", "true"));
    proxy.set("env", env);
    IptablesContainers.pullPolicy(in, proxy);
    if (!in.statusPort().equals("0")) {
      ObjectNode ready = proxy.putObject("readinessProbe");
      ready.putObject("httpGet").put("path", "/healthz/ready").put("port", 15020);
      ProxyContainer.putInt(ready, "initialDelaySeconds", in.annotation(
          "readiness.status.sidecar.istio.io/initialDelaySeconds", "global.proxy.readinessInitialDelaySeconds"));
      ProxyContainer.putInt(ready, "periodSeconds", in.annotation("readiness.status.sidecar.istio.io/periodSeconds",
          "global.proxy.readinessPeriodSeconds"));
      ready.put("timeoutSeconds", 3);
      ProxyContainer.putInt(ready, "failureThreshold", in.annotation(
          "readiness.status.sidecar.istio.io/failureThreshold", "global.proxy.readinessFailureThreshold"));
    }
    ProxyResources.of(in).ifPresent(r -> proxy.set("resources", r));
    ArrayNode mounts = proxy.putArray("volumeMounts");
    for (JsonNode m : SidecarVolumes.mounts(in, false)) {
      String name = Json.text(m, "name");
      if (name.equals("credential-socket") || name.equals("custom-bootstrap-volume")
          || name.equals("kube-ca-cert")) {
        continue;
      }
      mounts.add(name.equals("istio-envoy") ? xdsMount() : m);
    }
    for (String app : in.appContainers()) {
      ObjectNode c = containers.addObject();
      c.put("name", app);
      ArrayNode appEnv = c.putArray("env");
      appEnv.add(Json.env("GRPC_XDS_EXPERIMENTAL_SECURITY_SUPPORT", "true"));
      appEnv.add(Json.env("GRPC_XDS_BOOTSTRAP", "/etc/istio/proxy/grpc-bootstrap.json"));
      ArrayNode appMounts = c.putArray("volumeMounts");
      mount(appMounts, "istio-data", "/var/lib/istio/data");
      appMounts.add(xdsMount());
      if (in.values.text("global.caName").equals("GkeWorkloadCertificate")) {
        mount(appMounts, "gke-workload-certificate", "/var/run/secrets/workload-spiffe-credentials")
            .put("readOnly", true);
      } else {
        mount(appMounts, "workload-certs", "/var/run/secrets/workload-spiffe-credentials");
      }
    }
    ArrayNode volumes = Json.arr();
    for (JsonNode v : SidecarVolumes.volumes(in, false)) {
      String name = Json.text(v, "name");
      if (name.equals("credential-socket") || name.equals("kube-ca-cert")) {
        continue;
      }
      if (name.equals("istio-envoy")) {
        ObjectNode xds = Json.obj();
        xds.putObject("emptyDir").put("medium", "Memory");
        xds.put("name", "istio-xds");
        volumes.add(xds);
      } else {
        volumes.add(v);
      }
    }
    spec.set("volumes", volumes);
    SidecarTemplates.pullSecrets(in, spec);
    return pod;
  }

  private static ObjectNode xdsMount() {
    ObjectNode m = Json.obj();
    m.put("name", "istio-xds");
    m.put("mountPath", "/etc/istio/proxy");
    return m;
  }

  private static ObjectNode mount(ArrayNode list, String name, String path) {
    ObjectNode m = list.addObject();
    m.put("name", name);
    m.put("mountPath", path);
    return m;
  }
}
