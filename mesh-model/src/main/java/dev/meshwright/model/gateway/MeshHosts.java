package dev.meshwright.model.gateway;

import dev.meshwright.api.networking.ServiceEntry;
import java.util.List;

/** The hosts a mesh parentRef (a Service or ServiceEntry) stands for. Stateless. */
final class MeshHosts {
  private MeshHosts() {}

  static List<String> of(ConversionContext ctx, RouteParent parent, String routeNamespace) {
    String ns = parent.reference().getNamespace() == null ? routeNamespace : parent.reference().getNamespace();
    String name = parent.reference().getName();
    if (parent.internalKind().equals("ServiceEntry")) {
      for (ServiceEntry se : ctx.resources().serviceEntries()) {
        if (name.equals(se.metadata().name().orElse(""))
            && ns.equals(se.metadata().namespace().filter(s -> !s.isEmpty()).orElse("default"))) {
          return se.spec().hosts();
        }
      }
      return List.of();
    }
    return List.of(name + "." + ns + ".svc." + ctx.domain());
  }
}
