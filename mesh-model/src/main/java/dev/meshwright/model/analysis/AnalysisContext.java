package dev.meshwright.model.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.mesh.MeshConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one analyzer sees during one run: the input's resources and settings, and a place to report messages.
 * Not thread-safe: one context serves one analyzer call.
 */
public final class AnalysisContext {
  private final AnalysisInput input;
  private final Clock clock;
  private final List<AnalysisMessage> reported = new ArrayList<>();

  AnalysisContext(AnalysisInput input, Clock clock) {
    this.input = input;
    this.clock = clock;
  }

  /** The resources of one kind key ({@link Kinds}), sorted by namespace and name. */
  public List<AnalysisResource> resources(String kindKey) {
    return input.resources(kindKey);
  }

  /** The resources of one kind whose labels include all of {@code selector} (every one when it is empty). */
  public List<AnalysisResource> selectedBy(String kindKey, Map<String, String> selector) {
    return input.selectedBy(kindKey, selector);
  }

  /** The resource of that kind with that namespace and name. */
  public Optional<AnalysisResource> find(String kindKey, String namespace, String name) {
    return input.find(kindKey, namespace, name);
  }

  /**
   * The resource named by {@code ref}: {@code ns/name} as written, or a bare {@code name} in
   * {@code defaultNamespace} (Istio's short-or-full name).
   */
  public Optional<AnalysisResource> findShortOrFull(String kindKey, String defaultNamespace, String ref) {
    int slash = ref.indexOf('/');
    return slash < 0 ? find(kindKey, defaultNamespace, ref)
        : find(kindKey, ref.substring(0, slash), ref.substring(slash + 1));
  }

  /** Whether a resource of that kind with that namespace and name exists. */
  public boolean exists(String kindKey, String namespace, String name) {
    return find(kindKey, namespace, name).isPresent();
  }

  /** The effective mesh config. */
  public MeshConfig meshConfig() {
    return input.meshConfig();
  }

  /** The effective mesh config as proto-JSON. */
  public JsonNode meshConfigTree() {
    return input.meshConfigTree();
  }

  /** The mesh networks as proto-JSON. */
  public JsonNode meshNetworks() {
    return input.meshNetworks();
  }

  /** The Istio namespace. */
  public String istioNamespace() {
    return input.istioNamespace();
  }

  /** Reference to the synthetic mesh config resource. */
  public ResourceRef meshConfigRef() {
    return ResourceRef.of(Kinds.MESH_CONFIG, istioNamespace(), "meshconfig");
  }

  /** Reference to the synthetic mesh networks resource. */
  public ResourceRef meshNetworksRef() {
    return ResourceRef.of(Kinds.MESH_NETWORKS, istioNamespace(), "meshnetworks");
  }

  /** The clock for time-dependent checks (certificate expiry). */
  public Clock clock() {
    return clock;
  }

  /** Reports a message. */
  public void report(AnalysisMessage message) {
    reported.add(message);
  }

  /** Reports a message of {@code type} about {@code resource}. */
  public void report(MessageType type, AnalysisResource resource, Object... args) {
    reported.add(AnalysisMessage.of(type, resource.ref(), args));
  }

  List<AnalysisMessage> reported() {
    return reported;
  }
}
