package dev.meshwright.api.kinds;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.GenericResource;
import dev.meshwright.api.IstioResource;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.Problems;
import dev.meshwright.api.ResourceKind;
import dev.meshwright.api.Validator;
import java.util.List;
import java.util.Objects;

/**
 * Validates any resource with Istio 1.22's rules: the common metadata checks every Istio validator runs
 * first, then the kind's own rules. Returns every finding, attributed to the resource; never throws for
 * bad input. Stateless and thread-safe.
 */
public final class MeshValidator {
  /** Annotation that makes any Istio object fail validation (used by Istio's webhook tests). */
  public static final String ALWAYS_REJECT = "internal.istio.io/webhook-always-reject";

  /** Annotation that puts an AuthorizationPolicy in dry-run; rejected on every other kind. */
  public static final String DRY_RUN = "istio.io/dry-run";

  private final String defaultNamespace;

  private MeshValidator(String defaultNamespace) {
    this.defaultNamespace = Objects.requireNonNull(defaultNamespace);
  }

  /** A validator that treats a resource without a namespace as being in {@code default}, like istioctl. */
  public static MeshValidator create() {
    return new MeshValidator("default");
  }

  /** A validator with another default namespace (istioctl's {@code -n}). */
  public static MeshValidator withDefaultNamespace(String namespace) {
    return new MeshValidator(namespace);
  }

  /** Every problem of {@code resource}; generic (non-Istio) resources have none here. */
  public List<Diagnostic> validate(MeshResource resource) {
    if (resource instanceof GenericResource) {
      return List.of();
    }
    IstioResource<?> istio = (IstioResource<?>) resource;
    IstioResource<?> effective = withNamespace(istio);
    Problems problems = Problems.root();
    checkMetadata(effective, problems);
    runKindValidator(effective, problems);
    String ns = effective.namespace();
    return problems.all().stream().map(d -> d.withResource(resource.kind(), ns, resource.name())).toList();
  }

  @SuppressWarnings("unchecked")
  private static <R extends IstioResource<S>, S> void runKindValidator(IstioResource<?> resource, Problems p) {
    ResourceKind<R, S> kind = (ResourceKind<R, S>) resource.resourceKind();
    Validator<R> validator = kind.validator();
    validator.validate((R) resource, p);
  }

  @SuppressWarnings("unchecked")
  private <S> IstioResource<S> withNamespace(IstioResource<S> r) {
    if (r.metadata().namespace().isPresent()) {
      return r;
    }
    ObjectMeta meta = r.metadata().inNamespace(defaultNamespace);
    ResourceKind<?, S> kind = r.resourceKind();
    return (IstioResource<S>) kind.create(r.apiVersion(), meta, r.spec(), r.status());
  }

  private static void checkMetadata(IstioResource<?> r, Problems problems) {
    Problems annotations = problems.at("metadata").at("annotations");
    if (r.metadata().annotations().containsKey(ALWAYS_REJECT)) {
      annotations.key(ALWAYS_REJECT).error("\"" + ALWAYS_REJECT + "\" annotation found, rejecting");
    }
    String dryRun = r.metadata().annotations().get(DRY_RUN);
    if (dryRun != null && !r.kind().equals("AuthorizationPolicy")) {
      annotations.key(DRY_RUN).error(
          r.namespace() + "/" + r.name() + " has unsupported annotation " + DRY_RUN + ", please remove the annotation");
    }
  }
}
