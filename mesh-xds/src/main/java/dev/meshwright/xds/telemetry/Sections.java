package dev.meshwright.xds.telemetry;

import dev.meshwright.api.telemetry.Telemetry;
import dev.meshwright.api.telemetry.TelemetrySpec;
import dev.meshwright.model.snapshot.TelemetryIndex;
import dev.meshwright.xds.ProxyContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One part ({@code metrics}, {@code accessLogging} or {@code tracing}) of the Telemetry resources that apply to a
 * proxy, least specific first, with the {@code namespace/name} of each resource that has it (what results are
 * shared under: a resource's content cannot change within one snapshot). Resources without the part are left out.
 *
 * @param perTelemetry the part's entries, one list per resource that has any
 * @param refs the {@code namespace/name} of those resources, in the same order
 * @param <T> the entry type
 */
record Sections<T>(List<List<T>> perTelemetry, List<String> refs) {

  /** {@code part} of the Telemetry resources that apply to {@code ctx}'s proxy. */
  static <T> Sections<T> of(ProxyContext ctx, Function<TelemetrySpec, List<T>> part) {
    List<List<T>> lists = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    for (Telemetry t : applicable(ctx)) {
      List<T> entries = part.apply(t.spec());
      if (!entries.isEmpty()) {
        lists.add(entries);
        refs.add(t.namespace() + "/" + t.name());
      }
    }
    return new Sections<>(List.copyOf(lists), List.copyOf(refs));
  }

  /** Context key of the applicable Telemetry resources: every listener of one generation reads them. */
  private record Applicable() {}

  private static List<Telemetry> applicable(ProxyContext ctx) {
    TelemetryIndex index = ctx.snapshot().telemetries();
    if (index.isEmpty()) {
      return List.of();
    }
    return ctx.local(new Applicable(), () -> index.applicable(ctx.proxy().namespace(), ctx.labels()));
  }

  /** Every entry, in order. */
  List<T> flat() {
    List<T> out = new ArrayList<>();
    perTelemetry.forEach(out::addAll);
    return out;
  }

  boolean isEmpty() {
    return perTelemetry.isEmpty();
  }
}
