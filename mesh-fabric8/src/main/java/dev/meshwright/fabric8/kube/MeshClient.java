package dev.meshwright.fabric8.kube;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ResourceKind;
import dev.meshwright.api.yaml.Strictness;
import dev.meshwright.fabric8.Conversion;
import dev.meshwright.fabric8.Fabric8Resources;
import dev.meshwright.fabric8.ResourceDefinitions;
import dev.meshwright.fabric8.kube.MeshClientException.Operation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Typed create, read, update, apply and delete of every Istio kind through a fabric8
 * {@link KubernetesClient}, using generic resources (no fabric8 model class per kind).
 *
 * <p>Writes use the resource's own apiVersion; reads use the kind's preferred version. A resource without a
 * namespace goes to the client's namespace ({@code default} when it has none). Documents read from the
 * server are bound with {@link Strictness#LENIENT} unless {@link #withStrictness} says otherwise, so fields
 * added by a newer Istio do not hide a resource. Every failure is a {@link MeshClientException} naming the
 * operation, kind, namespace and name; nothing is retried. Thread-safe if the wrapped client is (fabric8's
 * clients are).
 */
public final class MeshClient {
  private static final Comparator<IstioResource<?>> BY_NAMESPACE_AND_NAME =
      Comparator.<IstioResource<?>, String>comparing(IstioResource::namespace).thenComparing(IstioResource::name);

  private static final int HTTP_CONFLICT = 409;

  private final KubernetesClient client;
  private final Strictness strictness;

  private MeshClient(KubernetesClient client, Strictness strictness) {
    this.client = Objects.requireNonNull(client, "client");
    this.strictness = Objects.requireNonNull(strictness, "strictness");
  }

  /** A mesh client over {@code client}; closing the fabric8 client stays the caller's job. */
  public static MeshClient of(KubernetesClient client) {
    return new MeshClient(client, Strictness.LENIENT);
  }

  /** A copy that binds server documents with {@code value} (STRICT turns unknown fields into errors). */
  public MeshClient withStrictness(Strictness value) {
    return new MeshClient(client, value);
  }

  /** Creates the resource; fails with HTTP 409 if it exists. Returns what the server stored. */
  public <R extends IstioResource<?>> R create(R resource) {
    String ns = namespaceOf(resource);
    GenericKubernetesResource stored = call(Operation.CREATE, resource.kind(), ns, resource.name(),
        () -> writeTarget(resource, ns).create());
    return decodeSame(Operation.CREATE, resource, stored);
  }

  /**
   * The resource, or empty when the server has none of that name. Warnings from reading it (unknown fields,
   * when lenient) are dropped; {@link #listAll} reports them.
   *
   * @throws MeshClientException if the server refuses, or its document cannot be read (the exception's
   *     {@link MeshClientException#diagnostics()} say why)
   */
  public <R extends IstioResource<?>> Optional<R> get(ResourceKind<R, ?> kind, String namespace, String name) {
    GenericKubernetesResource found = call(Operation.GET, kind.kind(), namespace, name,
        () -> read(kind).inNamespace(namespace).withName(name).get());
    return Optional.ofNullable(found).map(doc -> decode(Operation.GET, kind, namespace, name, doc));
  }

  /**
   * Every resource of {@code kind} in {@code namespace}, sorted by name.
   *
   * @throws MeshClientException if the server refuses, or if some item cannot be read (use
   *     {@link #listAll} to get the readable items and a diagnostic per unreadable one)
   */
  public <R extends IstioResource<?>> List<R> list(ResourceKind<R, ?> kind, String namespace) {
    Listing<R> listing = listAll(kind, namespace);
    if (listing.hasErrors()) {
      throw MeshClientException.unreadable(Operation.LIST, kind.kind(), namespace, "", listing.diagnostics());
    }
    return listing.items();
  }

  /** Every readable resource of {@code kind} in {@code namespace}, with a diagnostic per unreadable item. */
  public <R extends IstioResource<?>> Listing<R> listAll(ResourceKind<R, ?> kind, String namespace) {
    GenericKubernetesResourceList docs = call(Operation.LIST, kind.kind(), namespace, "",
        () -> read(kind).inNamespace(namespace).list());
    List<R> items = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (GenericKubernetesResource doc : docs.getItems()) {
      Conversion<R> c = Fabric8Resources.fromGeneric(doc, kind, strictness);
      c.resource().ifPresent(items::add);
      diagnostics.addAll(c.diagnostics());
    }
    items.sort(BY_NAMESPACE_AND_NAME);
    return new Listing<>(items, diagnostics);
  }

  /**
   * Replaces the stored resource. The resource must carry the {@code resourceVersion} it was read with; if
   * someone changed the resource since, the server answers 409 and nothing is written.
   */
  public <R extends IstioResource<?>> R update(R resource) {
    String ns = namespaceOf(resource);
    if (resource.metadata().resourceVersion().isEmpty()) {
      throw MeshClientException.refused(Operation.UPDATE, resource.kind(), ns, resource.name(),
          "metadata.resourceVersion is required for an update: read the resource first, or use apply");
    }
    GenericKubernetesResource stored = call(Operation.UPDATE, resource.kind(), ns, resource.name(),
        () -> writeTarget(resource, ns).update());
    return decodeSame(Operation.UPDATE, resource, stored);
  }

  /**
   * Create-or-replace: creates the resource, or, when one of that name exists, replaces it with this one at
   * the stored {@code resourceVersion} (any resourceVersion on the argument is ignored). Someone writing in
   * between the read and the replace makes it fail with HTTP 409; nothing is retried. Works on any API server
   * and on fabric8's CRUD mock, which has no server-side apply.
   */
  public <R extends IstioResource<?>> R apply(R resource) {
    String ns = namespaceOf(resource);
    String name = resource.name();
    try {
      return decodeSame(Operation.APPLY, resource, writeTarget(resource, ns).create());
    } catch (KubernetesClientException e) {
      if (e.getCode() != HTTP_CONFLICT) {
        throw MeshClientException.fromServer(Operation.APPLY, resource.kind(), ns, name, e);
      }
    }
    GenericKubernetesResource stored = call(Operation.APPLY, resource.kind(), ns, name, () -> {
      GenericKubernetesResource current = read(resource.resourceKind()).inNamespace(ns).withName(name).get();
      GenericKubernetesResource doc = Fabric8Resources.toGeneric(resource);
      doc.getMetadata().setNamespace(ns);
      doc.getMetadata().setResourceVersion(current == null ? null : current.getMetadata().getResourceVersion());
      return target(resource.resourceKind(), resource.apiVersion()).inNamespace(ns).resource(doc).update();
    });
    return decodeSame(Operation.APPLY, resource, stored);
  }

  /**
   * Server-side apply as {@code fieldManager}: creates the resource or merges it into the stored one.
   * Conflicts with fields owned by another manager are not forced; they fail with HTTP 409. Managed fields
   * in the resource are dropped; a {@code resourceVersion}, if present, is a precondition. Needs a real API
   * server: fabric8's CRUD mock answers 415 to apply patches (use {@link #apply} there).
   */
  public <R extends IstioResource<?>> R serverSideApply(R resource, String fieldManager) {
    String ns = namespaceOf(resource);
    GenericKubernetesResource stored = call(Operation.APPLY, resource.kind(), ns, resource.name(), () -> {
      GenericKubernetesResource doc = Fabric8Resources.toGeneric(resource);
      doc.getMetadata().setManagedFields(null);
      return target(resource.resourceKind(), resource.apiVersion()).inNamespace(ns).resource(doc)
          .fieldManager(fieldManager).serverSideApply();
    });
    return decodeSame(Operation.APPLY, resource, stored);
  }

  /** Deletes the resource; returns whether there was one to delete. */
  public boolean delete(ResourceKind<?, ?> kind, String namespace, String name) {
    return call(Operation.DELETE, kind.kind(), namespace, name,
        () -> !read(kind).inNamespace(namespace).withName(name).delete().isEmpty());
  }

  private String namespaceOf(IstioResource<?> resource) {
    return resource.metadata().namespace()
        .or(() -> Optional.ofNullable(client.getNamespace()))
        .orElse("default");
  }

  private Resource<GenericKubernetesResource> writeTarget(IstioResource<?> resource, String ns) {
    GenericKubernetesResource doc = Fabric8Resources.toGeneric(resource);
    doc.getMetadata().setNamespace(ns);
    return target(resource.resourceKind(), resource.apiVersion()).inNamespace(ns).resource(doc);
  }

  private MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
      read(ResourceKind<?, ?> kind) {
    return client.genericKubernetesResources(ResourceDefinitions.context(kind));
  }

  private MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
      target(ResourceKind<?, ?> kind, String apiVersion) {
    ResourceDefinitionContext context = ResourceDefinitions.forApiVersion(kind, apiVersion);
    return client.genericKubernetesResources(context);
  }

  @SuppressWarnings("unchecked") // the server's answer is of the resource's own kind, hence its type
  private <R extends IstioResource<?>> R decodeSame(Operation op, R resource, GenericKubernetesResource doc) {
    ResourceKind<R, ?> kind = (ResourceKind<R, ?>) resource.resourceKind();
    return decode(op, kind, doc.getMetadata().getNamespace(), doc.getMetadata().getName(), doc);
  }

  private <R extends IstioResource<?>> R decode(Operation op, ResourceKind<R, ?> kind, String namespace,
      String name, GenericKubernetesResource doc) {
    Conversion<R> c = Fabric8Resources.fromGeneric(doc, kind, strictness);
    return c.resource().orElseThrow(
        () -> MeshClientException.unreadable(op, kind.kind(), namespace, name, c.diagnostics()));
  }

  private static <T> T call(Operation op, String kind, String namespace, String name, Supplier<T> action) {
    try {
      return action.get();
    } catch (KubernetesClientException e) {
      throw MeshClientException.fromServer(op, kind, namespace, name, e);
    }
  }
}
