package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigStore;
import dev.meshwright.model.config.TextSources;
import dev.meshwright.model.registry.RegistryOptions;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.xds.EnvoyTypes;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.XdsResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the xDS corpora share: config text loaded into a snapshot the way istiod's fake server loads it (documents
 * without a namespace go to {@code default}), proxies built from a case's {@code proxy} block, and the check that a
 * generated resource survives a round trip through its type. Stateless.
 */
final class XdsFixtures {
  /** The domain suffix istiod uses unless a case says otherwise. */
  static final String CLUSTER_LOCAL = "cluster.local";

  private XdsFixtures() {}

  /** A loaded snapshot, or why the config could not be read. */
  record Loaded(Optional<MeshSnapshot> snapshot, String error) {}

  /** {@code texts} (source name → YAML) as one snapshot under {@code mesh}; an error when any document is unreadable. */
  static Loaded load(Map<String, String> texts, MeshConfig mesh, String domainSuffix) {
    ConfigStore store = ConfigStore.builder().build();
    for (Map.Entry<String, String> t : texts.entrySet()) {
      TextSources.Applied applied = TextSources.apply(store, t.getKey(), t.getValue(), MeshYaml.standard());
      List<String> errors = applied.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList();
      if (!errors.isEmpty()) {
        return new Loaded(Optional.empty(), "config not readable: " + errors);
      }
    }
    MeshSnapshot s = MeshTranslator.create(new RegistryOptions(domainSuffix, CLUSTER_LOCAL, "Kubernetes"))
        .translate(store.view(), mesh);
    return new Loaded(Optional.of(s), "");
  }

  /**
   * The proxy a {@code proxy} block describes: {@code type} (or {@code fallbackType}), the first of
   * {@code ip_addresses}, {@code id} (default {@code app.<namespace>}), {@code dns_domain} (default
   * {@code <namespace>.svc.cluster.local}), metadata from {@code metadata} plus {@code NAMESPACE} from
   * {@code config_namespace} and {@code LABELS} from {@code labels} when the metadata lacks them.
   */
  static NodeIds.Parsed proxy(JsonNode block, String fallbackType) {
    String type = block.path("type").asText(fallbackType);
    String namespace = block.path("config_namespace").asText(block.path("metadata").path("NAMESPACE").asText("default"));
    String ip = block.path("ip_addresses").path(0).asText("127.0.0.1");
    String id = block.path("id").asText("app." + namespace);
    String dns = block.path("dns_domain").asText(namespace + ".svc." + CLUSTER_LOCAL);
    Map<String, Object> meta = new LinkedHashMap<>();
    block.path("metadata").properties().forEach(e -> meta.put(e.getKey(), plain(e.getValue())));
    meta.putIfAbsent("NAMESPACE", namespace);
    if (block.has("labels")) {
      meta.putIfAbsent("LABELS", plain(block.path("labels")));
    }
    if (block.path("ip_addresses").size() > 1) {
      List<String> ips = new java.util.ArrayList<>();
      block.path("ip_addresses").forEach(a -> ips.add(a.asText()));
      meta.putIfAbsent("INSTANCE_IPS", String.join(",", ips));
    }
    return NodeIds.parse(type + "~" + ip + "~" + id + "~" + dns, meta);
  }

  private static Object plain(JsonNode v) {
    if (v.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      v.properties().forEach(e -> m.put(e.getKey(), plain(e.getValue())));
      return m;
    }
    return v.asText();
  }

  /**
   * Why {@code r} does not survive a round trip as {@code typeUrl} (binary, then proto3 JSON), or empty when it
   * does: its type must be {@code typeUrl}, its bytes must parse as that type, and its JSON must parse back equal.
   */
  static Optional<String> roundTrip(XdsResource r, String typeUrl) {
    if (!r.typeUrl().equals(typeUrl)) {
      return Optional.of(r.name() + " is a " + r.typeUrl());
    }
    EnvoyTypes types = EnvoyTypes.get();
    // types outside Envoy's (Istio's NDS NameTable) are read with the generator's own descriptor
    Optional<Descriptor> known = types.find(typeUrl);
    Descriptor descriptor = known.orElse(r.message().getDescriptorForType());
    JsonFormat.TypeRegistry own = JsonFormat.TypeRegistry.newBuilder().add(descriptor).build();
    try {
      DynamicMessage parsed = DynamicMessage.parseFrom(descriptor, r.any().getValue());
      String json = known.isPresent() ? types.print(parsed) : JsonFormat.printer().usingTypeRegistry(own).print(parsed);
      Message.Builder back = DynamicMessage.newBuilder(descriptor);
      (known.isPresent() ? types.parser() : JsonFormat.parser().usingTypeRegistry(own)).merge(json, back);
      if (!back.build().equals(parsed)) {
        return Optional.of(r.name() + ": JSON round trip changed the resource");
      }
    } catch (InvalidProtocolBufferException e) {
      return Optional.of(r.name() + " does not parse as " + typeUrl + ": " + e.getMessage());
    }
    return Optional.empty();
  }
}
