package dev.meshwright.xds.envoyfilter;

import com.google.protobuf.Message;
import dev.meshwright.api.networking.EnvoyFilterConfigObjectMatch;
import dev.meshwright.api.networking.EnvoyFilterPatch.Operation;
import dev.meshwright.api.networking.EnvoyFilterSpec.ApplyTo;
import dev.meshwright.api.networking.EnvoyFilterSpec.PatchContext;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One compiled patch of an EnvoyFilter: its origin, what it applies to, the operation (INSERT_* on objects that
 * have no order is ADD, as istiod normalises it), the match (match-all in context ANY when absent), the value as the
 * Envoy proto (absent for REMOVE without a value) and the proxy version pattern. Immutable.
 *
 * @param filter {@code namespace/name} of the EnvoyFilter
 * @param index the patch's index in {@code configPatches}
 */
record Patch(String filter, int index, ApplyTo applyTo, Operation operation, EnvoyFilterConfigObjectMatch match,
    Optional<Message> value, Optional<Pattern> proxyVersion) {

  /** The context the patch asks for. */
  PatchContext context() {
    return match.context().orElse(PatchContext.ANY);
  }

  /** Whether the patch applies to objects generated in {@code ctx}. */
  boolean inContext(PatchContext ctx) {
    PatchContext want = context();
    return want == PatchContext.ANY || want == ctx;
  }

  /**
   * Whether an ADD patch adds its object in {@code ctx}: ANY adds only to sidecar outbound and gateway objects, so an
   * object is added once per proxy.
   */
  boolean addsIn(PatchContext ctx) {
    if (context() == PatchContext.ANY) {
      return ctx == PatchContext.SIDECAR_OUTBOUND || ctx == PatchContext.GATEWAY;
    }
    return context() == ctx;
  }

  /** The value as {@code type}; callers only ask for the type the patch's {@code applyTo} implies. */
  <T extends Message> T value(Class<T> type) {
    return type.cast(value.orElseThrow());
  }

  /** {@code EnvoyFilter ns/name patch i}, for diagnostics. */
  String describe() {
    return "EnvoyFilter " + filter + " configPatches[" + index + "]";
  }
}
