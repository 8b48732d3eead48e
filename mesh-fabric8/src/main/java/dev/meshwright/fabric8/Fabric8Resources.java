package dev.meshwright.fabric8;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.IstioResource;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.ResourceKind;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import dev.meshwright.api.yaml.Strictness;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Converts between Meshwright resources and fabric8's {@link GenericKubernetesResource}, so that a
 * {@code KubernetesClient} can store every kind without a fabric8 model class for it.
 *
 * <p>Both directions go through JSON text: {@link MeshYaml} writes it (apiVersion preserved) and binds it
 * back, fabric8's own serializer reads and writes the generic side. Reading therefore gives the same
 * diagnostics as reading a file, never an exception. Stateless and thread-safe.
 */
public final class Fabric8Resources {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final MeshYaml WRITER = MeshYaml.standard().withApiVersions(MeshYaml.ApiVersions.PRESERVE);

  private Fabric8Resources() {}

  /** The resource as a fabric8 generic resource, with its own apiVersion, metadata, spec and status. */
  public static GenericKubernetesResource toGeneric(MeshResource resource) {
    return SERIALIZATION.unmarshal(WRITER.writeJson(resource), GenericKubernetesResource.class);
  }

  /** Reads a generic resource strictly: an unknown field is an error. */
  public static Conversion<MeshResource> fromGeneric(GenericKubernetesResource resource) {
    return fromGeneric(resource, Strictness.STRICT);
  }

  /**
   * Reads a generic resource: Istio kinds become typed resources, other kinds {@code GenericResource}s.
   * A document with any error yields diagnostics and no resource.
   */
  public static Conversion<MeshResource> fromGeneric(GenericKubernetesResource resource, Strictness strictness) {
    ReadResult read = MeshYaml.standard().withStrictness(strictness)
        .readAll("", SERIALIZATION.asJson(resource));
    List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics().stream().map(Fabric8Resources::unplaced).toList());
    List<MeshResource> resources = read.resources();
    if (resources.size() > 1) {
      diagnostics.add(Diagnostic.error("", "expected one resource, got a list of " + resources.size()));
      return new Conversion<>(Optional.empty(), diagnostics);
    }
    if (read.hasErrors()) {
      // MeshYaml keeps a resource whose only errors are unknown fields (so it can be validated); a
      // conversion with errors must not hand out a resource that could be applied.
      return new Conversion<>(Optional.empty(), diagnostics);
    }
    return new Conversion<>(resources.stream().findFirst(), diagnostics);
  }

  /**
   * Reads a generic resource that must be of {@code kind}; any other kind is an error diagnostic.
   *
   * @param <R> the resource type
   */
  public static <R extends IstioResource<?>> Conversion<R> fromGeneric(
      GenericKubernetesResource resource, ResourceKind<R, ?> kind, Strictness strictness) {
    Conversion<MeshResource> read = fromGeneric(resource, strictness);
    Optional<MeshResource> found = read.resource();
    if (found.isEmpty() || kind.resourceType().isInstance(found.get())) {
      return new Conversion<>(found.map(kind.resourceType()::cast), read.diagnostics());
    }
    MeshResource other = found.get();
    List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());
    diagnostics.add(Diagnostic.error("kind", "expected " + kind.kind() + " (" + kind.group() + "), got "
        + other.kind() + " (" + other.apiVersion() + ")")
        .withResource(other.kind(), other.namespace(), other.name()));
    return new Conversion<>(Optional.empty(), diagnostics);
  }

  /** The JSON was generated, so its line numbers mean nothing to a user: keep kind, name and path only. */
  private static Diagnostic unplaced(Diagnostic d) {
    return new Diagnostic(d.severity(), "", 0, 0, d.kind(), d.namespace(), d.name(), d.path(), d.message());
  }
}
