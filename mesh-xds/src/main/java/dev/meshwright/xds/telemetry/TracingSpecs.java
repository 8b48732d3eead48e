package dev.meshwright.xds.telemetry;

import dev.meshwright.api.mesh.DefaultProviders;
import dev.meshwright.api.mesh.ExtensionProvider;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.telemetry.CustomTag;
import dev.meshwright.api.telemetry.ProviderRef;
import dev.meshwright.api.telemetry.Tracing;
import dev.meshwright.api.telemetry.WorkloadMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code tracing} sections of the Telemetry resources that apply to a proxy, merged into one client and one
 * server spec as istiod 1.22's {@code Telemetries.Tracing} does: both start from the first mesh default tracing
 * provider; each section (for its mode, or both) replaces the provider with the first one it names, and sets
 * span reporting, custom tags (replaced whole), the sampling percentage and request-ID sampling where it gives
 * them. A spec whose provider the mesh config does not define is disabled. Stateless.
 */
final class TracingSpecs {
  private TracingSpecs() {}

  /**
   * One mode's tracing.
   *
   * @param provider the extension provider, empty when none resolves (then {@code disabled})
   * @param disabled whether no tracing is configured for the mode
   * @param sampling the random sampling percentage, when a section sets one
   * @param customTags the custom tags of the last section that sets any
   * @param useRequestIdForTraceSampling the request-ID extension's {@code use_request_id_for_trace_sampling}
   */
  record Spec(Optional<ExtensionProvider> provider, boolean disabled, Optional<Double> sampling,
      Map<String, CustomTag> customTags, boolean useRequestIdForTraceSampling) {}

  /**
   * The client and server specs.
   *
   * @param client outbound and gateway listeners
   * @param server inbound listeners
   */
  record Specs(Spec client, Spec server) {
    Spec forClass(ListenerClass c) {
      return c.mode() == WorkloadMode.SERVER ? server : client;
    }
  }

  private static final class Draft {
    Optional<ExtensionProvider> provider = Optional.empty();
    boolean disabled;
    Optional<Double> sampling = Optional.empty();
    Map<String, CustomTag> tags = Map.of();
    boolean useRequestId = true;

    Spec build() {
      return new Spec(provider, disabled || provider.isEmpty(), sampling, tags, useRequestId);
    }
  }

  /** The specs, or empty when neither a section nor a mesh default configures tracing (the legacy path). */
  static Optional<Specs> merge(List<Tracing> sections, MeshConfig mesh) {
    List<String> defaults = mesh.defaultProviders().map(DefaultProviders::tracing).orElse(List.of());
    if (sections.isEmpty() && defaults.isEmpty()) {
      return Optional.empty();
    }
    Draft client = new Draft();
    Draft server = new Draft();
    if (!defaults.isEmpty()) {
      client.provider = Providers.find(mesh, defaults.get(0));
      server.provider = client.provider;
    }
    for (Tracing t : sections) {
      WorkloadMode mode = t.match().flatMap(Tracing.TracingSelector::mode).orElse(WorkloadMode.CLIENT_AND_SERVER);
      List<Draft> targets = switch (mode) {
        case CLIENT -> List.of(client);
        case SERVER -> List.of(server);
        case CLIENT_AND_SERVER -> List.of(client, server);
      };
      List<ProviderRef> names = t.providers();
      for (Draft d : targets) {
        if (!names.isEmpty()) {
          d.provider = Providers.find(mesh, names.get(0).name().orElse(""));
        }
        t.disableSpanReporting().ifPresent(v -> d.disabled = v);
        if (!t.customTags().isEmpty()) {
          d.tags = t.customTags();
        }
        t.randomSamplingPercentage().ifPresent(v -> d.sampling = Optional.of(v));
        t.useRequestIdForTraceSampling().ifPresent(v -> d.useRequestId = v);
      }
    }
    return Optional.of(new Specs(client.build(), server.build()));
  }
}
