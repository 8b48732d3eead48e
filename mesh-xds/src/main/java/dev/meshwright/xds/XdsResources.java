package dev.meshwright.xds;

import dev.meshwright.api.Diagnostic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one proxy receives: resources by type URL, each set sorted by name, plus the diagnostics found while
 * generating (a resource that failed its checks is left out and named there; the rest is still produced).
 * Immutable and thread-safe; build one with {@link #builder()}.
 */
public final class XdsResources {
  private final Map<String, SortedMap<String, XdsResource>> byType;
  private final List<Diagnostic> diagnostics;

  private XdsResources(Map<String, SortedMap<String, XdsResource>> byType, List<Diagnostic> diagnostics) {
    this.byType = byType;
    this.diagnostics = diagnostics;
  }

  /** No resources at all. */
  public static XdsResources empty() {
    return builder().build();
  }

  /** The resources of one type, sorted by name; empty when there are none. */
  public SortedMap<String, XdsResource> of(String typeUrl) {
    return byType.getOrDefault(typeUrl, Collections.emptySortedMap());
  }

  /** One resource by type and name. */
  public Optional<XdsResource> get(String typeUrl, String name) {
    return Optional.ofNullable(of(typeUrl).get(name));
  }

  /** The type URLs that have resources, in {@link TypeUrls#PUSH_ORDER} then alphabetical order. */
  public List<String> types() {
    List<String> out = new ArrayList<>();
    TypeUrls.PUSH_ORDER.stream().filter(byType::containsKey).forEach(out::add);
    byType.keySet().stream().filter(t -> !TypeUrls.PUSH_ORDER.contains(t)).sorted().forEach(out::add);
    return out;
  }

  /** Problems found while generating; resources that failed are not in the output. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** The total number of resources. */
  public int size() {
    return byType.values().stream().mapToInt(Map::size).sum();
  }

  /**
   * These resources with {@code more} diagnostics after the ones they have; the resource maps are shared, not
   * copied (they are immutable).
   */
  public XdsResources withDiagnostics(Collection<Diagnostic> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Diagnostic> all = new ArrayList<>(diagnostics);
    all.addAll(more);
    return new XdsResources(byType, List.copyOf(all));
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these resources. */
  public Builder toBuilder() {
    Builder b = new Builder();
    byType.forEach((t, m) -> b.byType.put(t, new TreeMap<>(m)));
    b.diagnostics.addAll(diagnostics);
    return b;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("XdsResources{");
    types().forEach(t -> sb.append(TypeUrls.shortName(t)).append('=').append(of(t).size()).append(' '));
    return sb.append("diagnostics=").append(diagnostics.size()).append('}').toString();
  }

  /** Collects resources; a later resource of the same type and name replaces the earlier one. Not thread-safe. */
  public static final class Builder {
    private final Map<String, SortedMap<String, XdsResource>> byType = new LinkedHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private Builder() {}

    /** Adds one resource under its message's type URL. */
    public Builder add(XdsResource resource) {
      byType.computeIfAbsent(resource.typeUrl(), t -> new TreeMap<>()).put(resource.name(), resource);
      return this;
    }

    /** Adds resources. */
    public Builder addAll(Collection<XdsResource> resources) {
      resources.forEach(this::add);
      return this;
    }

    /** Removes a resource (for instance one that failed its checks). */
    public Builder remove(String typeUrl, String name) {
      SortedMap<String, XdsResource> m = byType.get(typeUrl);
      if (m != null) {
        m.remove(name);
      }
      return this;
    }

    /** Records a problem. */
    public Builder diagnostic(Diagnostic d) {
      diagnostics.add(d);
      return this;
    }

    /** Records problems. */
    public Builder diagnostics(Collection<Diagnostic> ds) {
      diagnostics.addAll(ds);
      return this;
    }

    /** The resources collected so far. */
    public SortedMap<String, XdsResource> of(String typeUrl) {
      return byType.getOrDefault(typeUrl, Collections.emptySortedMap());
    }

    /** An immutable snapshot of what was collected. */
    public XdsResources build() {
      Map<String, SortedMap<String, XdsResource>> copy = new LinkedHashMap<>();
      byType.forEach((t, m) -> {
        if (!m.isEmpty()) {
          copy.put(t, Collections.unmodifiableSortedMap(new TreeMap<>(m)));
        }
      });
      return new XdsResources(Collections.unmodifiableMap(copy), List.copyOf(diagnostics));
    }
  }
}
