package dev.meshwright.model.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.GenericResource;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.api.yaml.MeshYaml;
import java.util.Map;
import java.util.Objects;

/**
 * One resource as the analyzers see it: the resource itself, its effective namespace (after defaulting or
 * clearing on load), where it was read from, the cluster it belongs to and its proto-JSON form, which the
 * analyzers read the way Istio's analyzers read the protos. Immutable (the tree must not be modified).
 */
public final class AnalysisResource {
  private final MeshResource resource;
  private final ResourceRef ref;
  private final String kindKey;
  private final String cluster;
  private final JsonNode tree;

  private AnalysisResource(MeshResource resource, ResourceRef ref, String cluster, JsonNode tree) {
    this.resource = resource;
    this.ref = ref;
    this.kindKey = Kinds.key(resource.group(), resource.kind());
    this.cluster = cluster;
    this.tree = tree;
  }

  /**
   * Wraps {@code resource}, read from {@code source} at {@code line}, placed in {@code namespace} (which may
   * differ from the resource's own after defaulting), in {@code cluster} (empty for the only cluster).
   */
  public static AnalysisResource of(MeshResource resource, String namespace, String source, int line, String cluster) {
    Objects.requireNonNull(resource, "resource");
    ResourceRef ref = new ResourceRef(resource.kind(), namespace, resource.name(), source, line);
    return new AnalysisResource(resource, ref, Objects.requireNonNullElse(cluster, ""), toTree(resource));
  }

  private static JsonNode toTree(MeshResource resource) {
    if (resource instanceof GenericResource g) {
      ObjectNode node = MeshJackson.json().valueToTree(g.body());
      node.put("apiVersion", g.apiVersion());
      node.put("kind", g.kind());
      node.set("metadata", MeshJackson.json().valueToTree(g.metadata()));
      return node;
    }
    return MeshYaml.standard().toTree(resource);
  }

  /** The resource as read. */
  public MeshResource resource() {
    return resource;
  }

  /** Where messages about this resource point. */
  public ResourceRef ref() {
    return ref;
  }

  /** The kind key ({@link Kinds}): {@code networking.istio.io/Gateway}, {@code Service}, ... */
  public String kindKey() {
    return kindKey;
  }

  public String kind() {
    return resource.kind();
  }

  public String name() {
    return ref.name();
  }

  /** The effective namespace (empty for cluster-scoped or namespace-less objects). */
  public String namespace() {
    return ref.namespace();
  }

  /** {@code namespace/name} or {@code name}. */
  public String fullName() {
    return ref.fullName();
  }

  /** The cluster id, empty when only one cluster is analyzed. */
  public String cluster() {
    return cluster;
  }

  public Map<String, String> labels() {
    return resource.metadata().labels();
  }

  public Map<String, String> annotations() {
    return resource.metadata().annotations();
  }

  /** The whole object as proto-JSON (apiVersion, kind, metadata, spec, ...); read-only. */
  public JsonNode tree() {
    return tree;
  }

  /** {@code tree().path("spec")}. */
  public JsonNode spec() {
    return tree.path("spec");
  }

  @Override
  public String toString() {
    return ref.friendlyName();
  }
}
