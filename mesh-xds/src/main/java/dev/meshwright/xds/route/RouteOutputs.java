package dev.meshwright.xds.route;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.XdsResource;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/** The per-name loop both RDS generators share: names in order, one configuration or none each. Stateless. */
final class RouteOutputs {
  private RouteOutputs() {}

  static ResourceGenerator.Output perName(Set<String> names,
      BiFunction<String, List<Diagnostic>, Optional<RouteConfiguration>> build) {
    List<XdsResource> out = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    for (String name : new TreeSet<>(names)) {
      build.apply(name, diags).ifPresent(rc -> out.add(XdsResource.of(name, rc)));
    }
    return new ResourceGenerator.Output(out, diags);
  }
}
