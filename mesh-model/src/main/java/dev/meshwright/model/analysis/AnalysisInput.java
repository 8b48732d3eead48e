package dev.meshwright.model.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.GenericResource;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the analyzers look at: the resources (indexed by kind and full name), the effective mesh config
 * and the mesh networks, and the Istio namespace. Immutable and thread-safe once built.
 *
 * <p>{@link Builder} applies {@code istioctl analyze}'s loading rules: objects in ignored system namespaces
 * are dropped, cluster-scoped kinds lose their namespace, namespace-less objects get the default namespace
 * when one is set, a later object with the same cluster, kind, namespace and name replaces an earlier one,
 * and the default ingress gateway Pod/Service can be added.
 */
public final class AnalysisInput {
  /** Namespaces whose objects {@code istioctl analyze} never loads. */
  public static final Set<String> IGNORED_NAMESPACES =
      Set.of("kube-system", "kube-public", "kube-node-lease", "local-path-storage");

  private final List<AnalysisResource> resources;
  private final Map<String, List<AnalysisResource>> byKind;
  private final Map<String, Map<String, AnalysisResource>> byKindAndName;
  private final Map<String, Map<String, List<AnalysisResource>>> byKindAndLabel;
  private final Map<ResourceRef, AnalysisResource> byRef;
  private final MeshConfig meshConfig;
  private final JsonNode meshConfigTree;
  private final JsonNode meshNetworks;
  private final String istioNamespace;

  private AnalysisInput(Builder b, List<AnalysisResource> sorted) {
    this.resources = List.copyOf(sorted);
    Map<String, List<AnalysisResource>> kinds = new HashMap<>();
    Map<String, Map<String, AnalysisResource>> names = new HashMap<>();
    Map<String, Map<String, List<AnalysisResource>>> labelled = new HashMap<>();
    Map<ResourceRef, AnalysisResource> refs = new IdentityHashMap<>();
    for (AnalysisResource r : resources) {
      kinds.computeIfAbsent(r.kindKey(), k -> new ArrayList<>()).add(r);
      names.computeIfAbsent(r.kindKey(), k -> new HashMap<>()).putIfAbsent(r.fullName(), r);
      Map<String, List<AnalysisResource>> byLabel = labelled.computeIfAbsent(r.kindKey(), k -> new HashMap<>());
      r.labels().forEach((k, v) -> byLabel.computeIfAbsent(k + "=" + v, x -> new ArrayList<>()).add(r));
      refs.put(r.ref(), r);
    }
    this.byKindAndLabel = labelled;
    this.byRef = Collections.unmodifiableMap(refs);
    kinds.replaceAll((k, v) -> List.copyOf(v));
    this.byKind = Collections.unmodifiableMap(kinds);
    this.byKindAndName = Collections.unmodifiableMap(names);
    this.meshConfig = b.meshConfig;
    this.meshConfigTree = MeshJackson.json().valueToTree(b.meshConfig);
    this.meshNetworks = b.meshNetworks;
    this.istioNamespace = b.istioNamespace;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every resource, sorted by kind key, namespace, name and cluster. */
  public List<AnalysisResource> resources() {
    return resources;
  }

  /** The resources of one kind key ({@link Kinds}), in the same order. */
  public List<AnalysisResource> resources(String kindKey) {
    return byKind.getOrDefault(kindKey, List.of());
  }

  /** The resource of that kind with that namespace and name (first cluster wins). */
  public Optional<AnalysisResource> find(String kindKey, String namespace, String name) {
    Map<String, AnalysisResource> m = byKindAndName.get(kindKey);
    if (m == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(m.get(namespace.isEmpty() ? name : namespace + "/" + name));
  }

  /**
   * The resources of one kind whose labels include every entry of {@code selector} (all of them when it is
   * empty), in {@link #resources()} order; served from a label index.
   */
  public List<AnalysisResource> selectedBy(String kindKey, Map<String, String> selector) {
    if (selector.isEmpty()) {
      return resources(kindKey);
    }
    Map<String, List<AnalysisResource>> index = byKindAndLabel.getOrDefault(kindKey, Map.of());
    List<AnalysisResource> smallest = null;
    for (Map.Entry<String, String> e : selector.entrySet()) {
      List<AnalysisResource> candidates = index.getOrDefault(e.getKey() + "=" + e.getValue(), List.of());
      if (smallest == null || candidates.size() < smallest.size()) {
        smallest = candidates;
      }
    }
    List<AnalysisResource> out = new ArrayList<>();
    for (AnalysisResource r : smallest) {
      if (r.labels().entrySet().containsAll(selector.entrySet())) {
        out.add(r);
      }
    }
    return out;
  }

  /** The resource a message origin was taken from ({@link AnalysisResource#ref()}), if it is one of these. */
  public Optional<AnalysisResource> resourceOf(ResourceRef ref) {
    return Optional.ofNullable(byRef.get(ref));
  }

  /** The effective mesh config (defaults plus any overlay). */
  public MeshConfig meshConfig() {
    return meshConfig;
  }

  /** The effective mesh config as proto-JSON; read-only. */
  public JsonNode meshConfigTree() {
    return meshConfigTree;
  }

  /** The mesh networks as proto-JSON ({@code {networks: {...}}}), an empty object when none was given. */
  public JsonNode meshNetworks() {
    return meshNetworks;
  }

  /** The namespace Istio is installed in ({@code istio-system}). */
  public String istioNamespace() {
    return istioNamespace;
  }

  /** Collects resources and settings; not thread-safe. */
  public static final class Builder {
    private final Map<String, AnalysisResource> entries = new LinkedHashMap<>();
    private MeshConfig meshConfig = MeshConfigs.defaults();
    private JsonNode meshNetworks = MeshJackson.json().createObjectNode();
    private String istioNamespace = "istio-system";
    private String defaultNamespace = "";
    private boolean defaultResources;

    private Builder() {}

    /** The Istio namespace (default {@code istio-system}). */
    public Builder istioNamespace(String namespace) {
      this.istioNamespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /** The effective mesh config (default: Istio's defaults). */
    public Builder meshConfig(MeshConfig config) {
      this.meshConfig = Objects.requireNonNull(config, "config");
      return this;
    }

    /** The mesh networks as proto-JSON (default: none). */
    public Builder meshNetworks(JsonNode networks) {
      this.meshNetworks = Objects.requireNonNull(networks, "networks").deepCopy();
      return this;
    }

    /**
     * The namespace given to namespaced objects read without one (what {@code istioctl analyze} does with
     * the selected namespace); empty (the default) leaves them namespace-less, as Istio's analyzer tests do.
     * Applies to resources added after this call.
     */
    public Builder defaultNamespace(String namespace) {
      this.defaultNamespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /** Adds the fake ingress gateway Pod and Service at build time, unless ingress is turned off in the mesh config. */
    public Builder addDefaultResources() {
      this.defaultResources = true;
      return this;
    }

    /** Adds a resource of the only cluster; see {@link #add(MeshResource, String, int, String)}. */
    public Builder add(MeshResource resource, String source, int line) {
      return add(resource, source, line, "");
    }

    /**
     * Adds a resource read from {@code source} (a file name, or empty) at {@code line} (0 when unknown) of
     * {@code cluster} (empty for the only cluster). Objects in ignored namespaces are dropped, cluster-scoped
     * kinds lose their namespace, and an object with the same cluster, kind and full name replaces the earlier one.
     */
    public Builder add(MeshResource resource, String source, int line, String cluster) {
      String kindKey = Kinds.key(resource.group(), resource.kind());
      String ns = resource.namespace();
      if (Kinds.CLUSTER_SCOPED.contains(kindKey)) {
        ns = "";
      } else if (ns.isEmpty()) {
        ns = defaultNamespace;
      }
      String scopeName = kindKey.equals(Kinds.NAMESPACE) ? resource.name() : ns;
      if (IGNORED_NAMESPACES.contains(scopeName)) {
        return this;
      }
      AnalysisResource r = AnalysisResource.of(resource, ns, source, line, cluster);
      entries.put(cluster + "\u0000" + kindKey + "\u0000" + r.fullName(), r);
      return this;
    }

    public AnalysisInput build() {
      if (defaultResources && meshConfig.ingressControllerMode()
          .filter(m -> m == MeshConfig.IngressControllerMode.OFF).isEmpty()) {
        for (MeshResource r : DefaultResources.ingress(istioNamespace,
            meshConfig.ingressService().filter(s -> !s.isEmpty()).orElse("istio-ingressgateway"))) {
          String kindKey = Kinds.key(r.group(), r.kind());
          entries.putIfAbsent("\u0000" + kindKey + "\u0000" + r.namespace() + "/" + r.name(),
              AnalysisResource.of(r, r.namespace(), "", 0, ""));
        }
      }
      List<AnalysisResource> sorted = new ArrayList<>(entries.values());
      sorted.sort(Comparator.comparing(AnalysisResource::kindKey)
          .thenComparing(AnalysisResource::namespace)
          .thenComparing(AnalysisResource::name)
          .thenComparing(AnalysisResource::cluster));
      return new AnalysisInput(this, sorted);
    }
  }

  /** Convenience: metadata for a generated object. */
  static ObjectMeta meta(String name, String namespace, Map<String, String> labels) {
    return ObjectMeta.builder().name(name).namespace(namespace).putAllLabels(labels).build();
  }

  static GenericResource generic(String apiVersion, String kind, ObjectMeta meta, Map<String, Object> body) {
    return new GenericResource(apiVersion, kind, meta, body);
  }
}
