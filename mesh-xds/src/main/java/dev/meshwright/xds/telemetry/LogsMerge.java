package dev.meshwright.xds.telemetry;

import dev.meshwright.api.mesh.DefaultProviders;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.telemetry.AccessLogging;
import dev.meshwright.api.telemetry.ProviderRef;
import dev.meshwright.api.telemetry.WorkloadMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code accessLogging} sections of the Telemetry resources that apply to a proxy, merged for one workload
 * mode as istiod 1.22's {@code mergeLogs} does. With no sections, every mesh default access-logging provider logs
 * unfiltered. Otherwise the providers in scope are those named by the entries (matching the mode) of the last
 * Telemetry that names any, else the mesh defaults; an entry without providers inherits the previous entry's; a
 * matching entry sets each of its providers to disabled, or to the filter its Telemetry last gave the provider.
 * Stateless.
 */
final class LogsMerge {
  private LogsMerge() {}

  /**
   * One provider's logging.
   *
   * @param disabled whether the provider is switched off for this mode
   * @param filter the CEL expression entries must match, if any
   */
  record Spec(boolean disabled, Optional<String> filter) {
    static final Spec PLAIN = new Spec(false, Optional.empty());
  }

  /**
   * The logging per provider name (sorted), for the {@code accessLogging} lists of the applicable Telemetry
   * resources least specific first (empty lists left out).
   */
  static Map<String, Spec> merge(List<List<AccessLogging>> logs, MeshConfig mesh, WorkloadMode mode) {
    List<String> defaults = mesh.defaultProviders().map(DefaultProviders::accessLogging).orElse(List.of());
    Map<String, Spec> out = new TreeMap<>();
    if (logs.isEmpty()) {
      defaults.forEach(p -> out.put(p, Spec.PLAIN));
      return out;
    }
    List<String> inScope = defaults;
    Map<String, Spec> filters = new HashMap<>();
    for (List<AccessLogging> telemetry : logs) {
      Set<String> named = new LinkedHashSet<>();
      for (AccessLogging entry : telemetry) {
        if (!matches(entry, mode)) {
          continue;
        }
        List<String> providers = names(entry.providers());
        named.addAll(providers);
        for (String p : providers) {
          filters.put(p, new Spec(false, entry.filter().flatMap(AccessLogging.Filter::expression)));
        }
      }
      if (!named.isEmpty()) {
        inScope = new ArrayList<>(named);
      }
    }
    Set<String> inScopeSet = new HashSet<>(inScope);
    List<String> parent = defaults;
    for (List<AccessLogging> telemetry : logs) {
      for (AccessLogging entry : telemetry) {
        List<String> providers = names(entry.providers());
        if (providers.isEmpty()) {
          providers = parent;
        }
        parent = providers;
        for (String p : providers) {
          if (!inScopeSet.contains(p) || !matches(entry, mode)) {
            continue;
          }
          out.put(p, entry.disabled().orElse(false) ? new Spec(true, Optional.empty())
              : filters.getOrDefault(p, Spec.PLAIN));
        }
      }
    }
    return out;
  }

  /** {@code matchWorkloadMode}: no selector, CLIENT_AND_SERVER, or the listener's own mode. */
  private static boolean matches(AccessLogging entry, WorkloadMode mode) {
    WorkloadMode m = entry.match().flatMap(AccessLogging.LogSelector::mode).orElse(WorkloadMode.CLIENT_AND_SERVER);
    return m == WorkloadMode.CLIENT_AND_SERVER || m == mode;
  }

  private static List<String> names(List<ProviderRef> refs) {
    List<String> out = new ArrayList<>(refs.size());
    refs.forEach(r -> out.add(r.name().orElse("")));
    return out;
  }
}
