package dev.meshwright.model.snapshot;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ResourceKind;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.model.config.ConfigEntry;
import dev.meshwright.model.config.ConfigKey;
import dev.meshwright.model.config.ConfigView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The resources of one Istio kind that passed validation, the diagnostics of those that did not, and a cache
 * of verdicts by key so that an unchanged resource (the same instance in the next view) is not validated
 * again. Immutable.
 *
 * @param <R> the resource type
 */
final class Validated<R extends IstioResource<?>> {
  private static final MeshValidator VALIDATOR = MeshValidator.create();

  private record Verdict(Object resource, List<Diagnostic> diagnostics, boolean valid) {}

  private final List<R> valid;
  private final List<ConfigKey> rejected;
  private final List<Diagnostic> diagnostics;
  private final Map<ConfigKey, Verdict> verdicts;

  private Validated(List<R> valid, List<ConfigKey> rejected, List<Diagnostic> diagnostics,
      Map<ConfigKey, Verdict> verdicts) {
    this.valid = List.copyOf(valid);
    this.rejected = List.copyOf(rejected);
    this.diagnostics = List.copyOf(diagnostics);
    this.verdicts = verdicts;
  }

  static <R extends IstioResource<?>> Validated<R> none() {
    return new Validated<>(List.of(), List.of(), List.of(), Map.of());
  }

  /** Validates every resource of {@code kind} in {@code view}, reusing {@code previous} verdicts for unchanged ones. */
  static <R extends IstioResource<?>> Validated<R> of(ResourceKind<R, ?> kind, ConfigView view, Validated<R> previous) {
    List<R> valid = new ArrayList<>();
    List<ConfigKey> rejected = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    Map<ConfigKey, Verdict> verdicts = new HashMap<>();
    for (ConfigEntry e : view.entries(ConfigKey.KindId.of(kind))) {
      R r = kind.resourceType().cast(e.resource());
      ConfigKey key = ConfigKey.of(r);
      Verdict v = previous.verdicts.get(key);
      if (v == null || v.resource() != r) {
        List<Diagnostic> found = VALIDATOR.validate(r).stream().map(d -> d.withSource(e.source(), 0, 0)).toList();
        v = new Verdict(r, found, found.stream().noneMatch(Diagnostic::isError));
      }
      verdicts.put(key, v);
      diags.addAll(v.diagnostics());
      if (v.valid()) {
        valid.add(r);
      } else {
        rejected.add(key);
        diags.add(new Diagnostic(dev.meshwright.api.Severity.ERROR, e.source(), 0, 0, r.kind(), r.namespace(),
            r.name(), "", "left out of the mesh snapshot: it fails validation"));
      }
    }
    return new Validated<>(valid, rejected, diags, Map.copyOf(verdicts));
  }

  List<R> valid() {
    return valid;
  }

  List<ConfigKey> rejected() {
    return rejected;
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
