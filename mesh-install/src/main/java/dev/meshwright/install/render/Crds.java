package dev.meshwright.install.render;

import static dev.meshwright.install.render.Tree.arr;
import static dev.meshwright.install.render.Tree.obj;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.ResourceKind;
import dev.meshwright.api.kinds.IstioKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CustomResourceDefinitions of Istio's config kinds, generated from mesh-api's kind registry: names,
 * group, kind, plural, short names, scope and every served version (the oldest is the storage version, as in
 * Istio 1.22) are Istio's; the schema is open ({@code x-kubernetes-preserve-unknown-fields}), so the API
 * server stores what Meshwright's own validation accepted. Stateless.
 */
final class Crds {
  private static final Map<String, String> SHORT_NAMES = Map.of(
      "Gateway", "gw", "VirtualService", "vs", "DestinationRule", "dr", "ServiceEntry", "se",
      "WorkloadEntry", "we", "WorkloadGroup", "wg", "PeerAuthentication", "pa", "RequestAuthentication", "ra",
      "Telemetry", "telemetry");

  private static final Map<String, List<Column>> COLUMNS = Map.of(
      "DestinationRule", List.of(col("Host", "string", ".spec.host"), age()),
      "ServiceEntry", List.of(col("Hosts", "string", ".spec.hosts"), col("Location", "string", ".spec.location"),
          col("Resolution", "string", ".spec.resolution"), age()),
      "VirtualService", List.of(col("Gateways", "string", ".spec.gateways"), col("Hosts", "string", ".spec.hosts"),
          age()),
      "WorkloadEntry", List.of(age(), col("Address", "string", ".spec.address")),
      "WorkloadGroup", List.of(age()),
      "PeerAuthentication", List.of(col("Mode", "string", ".spec.mtls.mode"), age()),
      "Telemetry", List.of(age()),
      "WasmPlugin", List.of(age()));

  private Crds() {}

  private record Column(String name, String type, String jsonPath) {}

  private static Column col(String name, String type, String jsonPath) {
    return new Column(name, type, jsonPath);
  }

  private static Column age() {
    return col("Age", "date", ".metadata.creationTimestamp");
  }

  static List<ObjectNode> render() {
    List<ObjectNode> out = new ArrayList<>();
    for (ResourceKind<?, ?> k : IstioKinds.ALL) {
      if (k.group().equals("install.istio.io")) {
        continue;
      }
      out.add(crd(k));
    }
    return out;
  }

  private static ObjectNode crd(ResourceKind<?, ?> k) {
    String groupShort = k.group().substring(0, k.group().indexOf('.'));
    ObjectNode labels = obj("app", "istio-pilot", "chart", "istio", "heritage", "Tiller", "release", Charts.RELEASE);
    if (groupShort.equals("security") || groupShort.equals("telemetry")) {
      labels.put("istio", groupShort);
    }
    ObjectNode crd = Tree.object("apiextensions.k8s.io/v1", "CustomResourceDefinition",
        k.plural() + "." + k.group(), null, labels);
    ((ObjectNode) crd.get("metadata")).set("annotations", obj("helm.sh/resource-policy", "keep"));
    ObjectNode names = obj("categories", arr("istio-io", groupShort + "-istio-io"), "kind", k.kind(),
        "listKind", k.kind() + "List", "plural", k.plural());
    if (SHORT_NAMES.containsKey(k.kind())) {
      names.set("shortNames", arr(SHORT_NAMES.get(k.kind())));
    }
    names.put("singular", k.kind().toLowerCase(Locale.ROOT));
    ArrayNode versions = Tree.NODES.arrayNode();
    List<String> vs = k.versions();
    for (int i = 0; i < vs.size(); i++) {
      ObjectNode schema = obj("properties", obj(
          "spec", obj("type", "object", "x-kubernetes-preserve-unknown-fields", true),
          "status", obj("type", "object", "x-kubernetes-preserve-unknown-fields", true)), "type", "object");
      ObjectNode version = obj();
      if (COLUMNS.containsKey(k.kind())) {
        ArrayNode columns = version.putArray("additionalPrinterColumns");
        for (Column c : COLUMNS.get(k.kind())) {
          columns.add(obj("jsonPath", c.jsonPath(), "name", c.name(), "type", c.type()));
        }
      }
      versions.add(Tree.with(version, obj("name", vs.get(i), "schema", obj("openAPIV3Schema", schema), "served", true,
          "storage", i == vs.size() - 1, "subresources", obj("status", obj()))));
    }
    crd.set("spec", obj("group", k.group(), "names", names, "scope", "Namespaced", "versions", versions));
    return crd;
  }
}
