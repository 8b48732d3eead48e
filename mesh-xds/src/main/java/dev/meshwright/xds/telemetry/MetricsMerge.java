package dev.meshwright.xds.telemetry;

import dev.meshwright.api.mesh.DefaultProviders;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.telemetry.MetricSelector.IstioMetric;
import dev.meshwright.api.telemetry.MetricSelector;
import dev.meshwright.api.telemetry.Metrics;
import dev.meshwright.api.telemetry.MetricsOverrides;
import dev.meshwright.api.telemetry.ProviderRef;
import dev.meshwright.api.telemetry.WorkloadMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code metrics} sections of the Telemetry resources that apply to a proxy, merged per provider as istiod
 * 1.22's {@code mergeMetrics} does. With no sections, every mesh default metrics provider is configured with no
 * overrides. Otherwise the providers in scope are the last non-empty {@code providers} list (else the mesh
 * defaults); a section without providers inherits its parent's; overrides apply in order, later ones on top,
 * per mode (CLIENT, SERVER, or both); an override that disables all metrics drops the mode's filter, until a
 * later override of that mode enables a metric again. Overrides come out sorted by metric name, tags by tag name.
 * Stateless.
 */
public final class MetricsMerge {
  private MetricsMerge() {}

  /** Every Istio metric but {@code ALL_METRICS}, sorted by name: what "all metrics" expands to. */
  static final List<String> ALL_METRICS = allMetrics();

  /**
   * One tag override of one metric.
   *
   * @param name the tag (dimension) name
   * @param remove whether the tag is removed
   * @param value the CEL expression of an upserted tag, empty when removed
   */
  public record TagOverride(String name, boolean remove, String value) {}

  /**
   * The overrides of one metric.
   *
   * @param name the Istio metric ({@code REQUEST_COUNT}) or custom metric name
   * @param disabled whether the metric is dropped
   * @param tags the tag overrides, sorted by name
   */
  public record MetricOverride(String name, boolean disabled, List<TagOverride> tags) {}

  /**
   * One mode's metrics.
   *
   * @param disabled whether every metric of the mode is disabled (no filter at all)
   * @param overrides the per-metric overrides, sorted by name
   */
  public record ModeMetrics(boolean disabled, List<MetricOverride> overrides) {
    static final ModeMetrics DEFAULT = new ModeMetrics(false, List.of());
  }

  /**
   * One provider's merged metrics.
   *
   * @param client the CLIENT mode (outbound and gateway listeners)
   * @param server the SERVER mode (inbound listeners)
   * @param reportingInterval the last {@code reportingInterval} set for the provider
   */
  public record ProviderMetrics(ModeMetrics client, ModeMetrics server, Optional<Duration> reportingInterval) {
    /** The mode that configures {@code c}'s listeners. */
    public ModeMetrics forClass(ListenerClass c) {
      return c.mode() == WorkloadMode.SERVER ? server : client;
    }
  }

  private static final class Override {
    Optional<Boolean> disabled = Optional.empty();
    Map<String, MetricsOverrides.TagOverride> tags = new HashMap<>();
  }

  /** The merged metrics per provider name, for {@code metrics} sections least specific first. */
  public static Map<String, ProviderMetrics> merge(List<Metrics> metrics, MeshConfig mesh) {
    List<String> defaults = mesh.defaultProviders().map(DefaultProviders::metrics).orElse(List.of());
    Map<String, Map<WorkloadMode, Map<String, Override>>> providers = new TreeMap<>();
    if (metrics.isEmpty()) {
      defaults.forEach(p -> providers.put(p, new EnumMap<>(WorkloadMode.class)));
    }
    List<String> inScope = defaults;
    for (Metrics m : metrics) {
      List<String> names = names(m.providers());
      if (!names.isEmpty()) {
        inScope = names;
      }
    }
    Set<String> inScopeSet = new HashSet<>(inScope);
    List<String> parent = defaults;
    Set<String> disabledAll = new HashSet<>();
    Map<String, Duration> intervals = new HashMap<>();
    for (Metrics m : metrics) {
      List<String> names = names(m.providers());
      if (names.isEmpty()) {
        names = parent;
      }
      parent = names;
      for (String provider : names) {
        if (!inScopeSet.contains(provider)) {
          continue;
        }
        m.reportingInterval().ifPresent(d -> intervals.put(provider, d));
        Map<WorkloadMode, Map<String, Override>> byMode = providers.computeIfAbsent(provider, k -> {
          Map<WorkloadMode, Map<String, Override>> fresh = new EnumMap<>(WorkloadMode.class);
          fresh.put(WorkloadMode.CLIENT, new TreeMap<>());
          fresh.put(WorkloadMode.SERVER, new TreeMap<>());
          return fresh;
        });
        for (MetricsOverrides o : m.overrides()) {
          Optional<MetricSelector> match = o.match();
          if (allMetrics(match) && o.disabled().orElse(false)) {
            modes(match).forEach(mode -> disabledAll.add(provider + "/" + mode));
            continue;
          }
          for (WorkloadMode mode : modes(match)) {
            disabledAll.remove(provider + "/" + mode);
            Map<String, Override> perMetric = byMode.computeIfAbsent(mode, k -> new TreeMap<>());
            for (String metric : matches(match)) {
              Override ov = perMetric.computeIfAbsent(metric, k -> new Override());
              if (o.disabled().isPresent()) {
                ov.disabled = o.disabled();
              }
              ov.tags.putAll(o.tagOverrides());
            }
          }
        }
      }
    }
    Map<String, ProviderMetrics> out = new TreeMap<>();
    providers.forEach((provider, byMode) -> {
      ModeMetrics client = ModeMetrics.DEFAULT;
      ModeMetrics server = ModeMetrics.DEFAULT;
      for (Map.Entry<WorkloadMode, Map<String, Override>> e : byMode.entrySet()) {
        ModeMetrics mm = disabledAll.contains(provider + "/" + e.getKey())
            ? new ModeMetrics(true, List.of()) : new ModeMetrics(false, overrides(e.getValue()));
        if (e.getKey() == WorkloadMode.CLIENT) {
          client = mm;
        } else {
          server = mm;
        }
      }
      out.put(provider, new ProviderMetrics(client, server, Optional.ofNullable(intervals.get(provider))));
    });
    return out;
  }

  private static List<MetricOverride> overrides(Map<String, Override> perMetric) {
    List<MetricOverride> out = new ArrayList<>(perMetric.size());
    perMetric.forEach((metric, ov) -> {
      List<TagOverride> tags = new ArrayList<>(ov.tags.size());
      ov.tags.forEach((name, t) -> {
        boolean remove = t.operation().orElse(MetricsOverrides.TagOverride.Operation.UPSERT)
            == MetricsOverrides.TagOverride.Operation.REMOVE;
        tags.add(new TagOverride(name, remove, remove ? "" : t.value().orElse("")));
      });
      tags.sort(Comparator.comparing(TagOverride::name));
      out.add(new MetricOverride(metric, ov.disabled.orElse(false), List.copyOf(tags)));
    });
    return out;
  }

  private static List<String> names(List<ProviderRef> refs) {
    Set<String> out = new LinkedHashSet<>();
    refs.forEach(r -> out.add(r.name().orElse("")));
    return List.copyOf(out);
  }

  /** {@code getModes}: one mode, or both for CLIENT_AND_SERVER and unset. */
  private static List<WorkloadMode> modes(Optional<MetricSelector> match) {
    WorkloadMode mode = match.flatMap(MetricSelector::mode).orElse(WorkloadMode.CLIENT_AND_SERVER);
    return mode == WorkloadMode.CLIENT_AND_SERVER ? List.of(WorkloadMode.CLIENT, WorkloadMode.SERVER) : List.of(mode);
  }

  /** {@code isAllMetrics}: no metric named, or {@code ALL_METRICS}. */
  private static boolean allMetrics(Optional<MetricSelector> match) {
    if (match.isEmpty()) {
      return true;
    }
    if (match.get().customMetric().isPresent()) {
      return false;
    }
    return match.get().metric().orElse(IstioMetric.ALL_METRICS) == IstioMetric.ALL_METRICS;
  }

  private static List<String> matches(Optional<MetricSelector> match) {
    if (match.isPresent() && match.get().customMetric().isPresent()) {
      return List.of(match.get().customMetric().get());
    }
    IstioMetric m = match.flatMap(MetricSelector::metric).orElse(IstioMetric.ALL_METRICS);
    return m == IstioMetric.ALL_METRICS ? ALL_METRICS : List.of(m.name());
  }

  private static List<String> allMetrics() {
    List<String> out = new ArrayList<>();
    for (IstioMetric m : IstioMetric.values()) {
      if (m != IstioMetric.ALL_METRICS) {
        out.add(m.name());
      }
    }
    out.sort(Comparator.naturalOrder());
    return List.copyOf(out);
  }
}
