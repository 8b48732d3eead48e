package dev.meshwright.model.gateway;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.GenericResource;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.Severity;
import dev.meshwright.api.networking.ServiceEntry;
import dev.meshwright.api.yaml.Document;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads YAML texts holding Gateway API objects (any served version), ServiceEntries and other Kubernetes
 * objects, collecting them for one conversion. Gateway API objects are bound to fabric8's {@code v1}
 * classes; binding problems become diagnostics naming source, line, resource and field. Works on texts,
 * never on files. Not thread-safe; one instance per read.
 */
public final class GatewayApiReader {
  private final GatewayApiResources.Builder resources = GatewayApiResources.builder();
  private final List<GenericResource> others = new ArrayList<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Set<String> namespaces = new LinkedHashSet<>();

  /** Reads every document of {@code text}; {@code source} names it in diagnostics. */
  public GatewayApiReader add(String source, String text) {
    ReadResult read = MeshYaml.standard().readAll(source, text);
    diagnostics.addAll(read.diagnostics().stream().filter(Diagnostic::isError).toList());
    for (Document doc : read.documents()) {
      MeshResource r = doc.resource();
      String ns = r.metadata().namespace().filter(s -> !s.isEmpty()).orElse("default");
      namespaces.add(ns);
      if (r instanceof ServiceEntry se) {
        resources.addServiceEntry(se);
      } else if (r instanceof GenericResource g && GatewayApiObjects.isGatewayApiKind(g.apiVersion(), g.kind())
          && g.name().isEmpty()) {
        diagnostics.add(new Diagnostic(Severity.ERROR, source, doc.line(), 0, g.kind(), ns, "", "metadata.name",
            "name is required"));
      } else if (r instanceof GenericResource g && GatewayApiObjects.isGatewayApiKind(g.apiVersion(), g.kind())) {
        Map<String, Object> tree = new LinkedHashMap<>(g.body());
        tree.put("apiVersion", g.apiVersion());
        tree.put("kind", g.kind());
        tree.put("metadata", MeshYamlTrees.metadata(r));
        GatewayApiObjects.Bound bound = GatewayApiObjects.bind(tree);
        if (bound.object().isPresent()) {
          resources.add(bound.object().get());
        } else {
          diagnostics.add(new Diagnostic(Severity.ERROR, source, doc.line(), 0, g.kind(), ns, g.name(),
              bound.path(), bound.error()));
        }
      } else if (r instanceof GenericResource g) {
        others.add(g);
      }
    }
    return this;
  }

  /** The Gateway API objects and ServiceEntries read so far. */
  public GatewayApiResources resources() {
    return resources.build();
  }

  /** Every other Kubernetes object read (Secrets, Services, Namespaces...), in source order. */
  public List<GenericResource> others() {
    return List.copyOf(others);
  }

  /** Every namespace an object was read in ({@code default} for objects without one), in first-seen order. */
  public Set<String> namespaces() {
    return Set.copyOf(namespaces);
  }

  /** Every error met so far. */
  public List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }
}
