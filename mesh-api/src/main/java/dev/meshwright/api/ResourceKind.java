package dev.meshwright.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Describes one Istio kind: its group, kind name, plural, served versions, spec type, how to build a
 * resource from its parts and how to validate it. One constant per kind ({@code VirtualService.KIND}, ...);
 * all of them are listed in {@link dev.meshwright.api.kinds.IstioKinds}. Immutable and thread-safe.
 *
 * @param <R> the resource type
 * @param <S> its spec type
 */
public final class ResourceKind<R extends IstioResource<S>, S> {
  /** Builds a resource from its parts; used by the YAML codec and the fabric8 bridge. */
  @FunctionalInterface
  public interface Factory<R, S> {
    R create(String apiVersion, ObjectMeta metadata, S spec, Map<String, Object> status);
  }

  private final String group;
  private final String kind;
  private final String plural;
  private final List<String> versions;
  private final Class<R> resourceType;
  private final Class<S> specType;
  private final Factory<R, S> factory;
  private final Validator<R> validator;

  private ResourceKind(Builder<R, S> b) {
    this.group = Objects.requireNonNull(b.group, "group");
    this.kind = Objects.requireNonNull(b.kind, "kind");
    this.plural = Objects.requireNonNull(b.plural, "plural");
    this.versions = List.copyOf(b.versions);
    if (versions.isEmpty()) {
      throw new IllegalStateException(kind + ": at least one version is required");
    }
    this.resourceType = b.resourceType;
    this.specType = b.specType;
    this.factory = Objects.requireNonNull(b.factory, "factory");
    this.validator = Objects.requireNonNull(b.validator, "validator");
  }

  /** Starts a descriptor for a resource type and its spec type. */
  public static <R extends IstioResource<S>, S> Builder<R, S> builder(Class<R> resourceType, Class<S> specType) {
    return new Builder<>(resourceType, specType);
  }

  public String group() {
    return group;
  }

  public String kind() {
    return kind;
  }

  /** The lower-case plural used in REST paths, e.g. {@code virtualservices}. */
  public String plural() {
    return plural;
  }

  /** Served versions, the one Meshwright writes first. */
  public List<String> versions() {
    return versions;
  }

  /** Every served {@code group/version}. */
  public List<String> apiVersions() {
    return versions.stream().map(v -> group + "/" + v).toList();
  }

  /** The {@code group/version} Meshwright writes unless asked otherwise. */
  public String preferredApiVersion() {
    return group + "/" + versions.get(0);
  }

  public Class<R> resourceType() {
    return resourceType;
  }

  public Class<S> specType() {
    return specType;
  }

  public R create(String apiVersion, ObjectMeta metadata, S spec, Map<String, Object> status) {
    return factory.create(apiVersion, metadata, spec, status);
  }

  public Validator<R> validator() {
    return validator;
  }

  @Override
  public String toString() {
    return kind + "." + group;
  }

  /** Builder of {@link ResourceKind}. */
  public static final class Builder<R extends IstioResource<S>, S> {
    private final Class<R> resourceType;
    private final Class<S> specType;
    private String group;
    private String kind;
    private String plural;
    private List<String> versions = List.of();
    private Factory<R, S> factory;
    private Validator<R> validator = (resource, problems) -> {};

    private Builder(Class<R> resourceType, Class<S> specType) {
      this.resourceType = Objects.requireNonNull(resourceType);
      this.specType = Objects.requireNonNull(specType);
    }

    public Builder<R, S> group(String group) {
      this.group = group;
      return this;
    }

    /** The kind; the plural defaults to its lower-case form plus {@code s}. */
    public Builder<R, S> kind(String kind) {
      this.kind = kind;
      if (plural == null) {
        this.plural = kind.toLowerCase(java.util.Locale.ROOT) + "s";
      }
      return this;
    }

    public Builder<R, S> plural(String plural) {
      this.plural = plural;
      return this;
    }

    /** Served versions, the one to write first. */
    public Builder<R, S> versions(String... versions) {
      this.versions = List.of(versions);
      return this;
    }

    public Builder<R, S> factory(Factory<R, S> factory) {
      this.factory = factory;
      return this;
    }

    public Builder<R, S> validator(Validator<R> validator) {
      this.validator = validator;
      return this;
    }

    public ResourceKind<R, S> build() {
      return new ResourceKind<>(this);
    }
  }
}
