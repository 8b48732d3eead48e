package dev.meshwright.xds.route;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.networking.HTTPRoute;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.api.networking.VirtualServiceSpec;
import dev.meshwright.model.registry.Visibility;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Istio's VirtualService delegation: each root rule with a {@code delegate} is replaced by the delegate's rules, each
 * merged with the root rule ({@link DelegateMerge}); a delegate rule whose matches conflict with the root's is
 * dropped. A missing delegate, or one not exported to the root's namespace, drops only that root rule. Names are
 * resolved in each VirtualService's own namespace before merging. Stateless; problems become diagnostics.
 */
public final class Delegates {
  private Delegates() {}

  /** The merged VirtualService (the root with its delegates inlined) and the problems met. */
  public record Merged(VirtualService virtualService, List<Diagnostic> diagnostics) {
    public Merged {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Whether {@code vs} delegates any rule. */
  public static boolean isRoot(VirtualService vs) {
    return vs.spec().http().stream().anyMatch(r -> r.delegate().isPresent());
  }

  /**
   * {@code root} with its delegated rules replaced by the merged rules of {@code delegates} (VirtualServices without
   * hosts); short names are resolved with {@code domainSuffix}, and the delegates' visibility defaults to
   * {@code meshDefaultExportTo} (the mesh's {@code defaultVirtualServiceExportTo}).
   */
  public static Merged merge(VirtualService root, Collection<VirtualService> delegates,
      Collection<String> meshDefaultExportTo, String domainSuffix) {
    if (!isRoot(root)) {
      return new Merged(root, List.of());
    }
    List<Diagnostic> diags = new ArrayList<>();
    List<HTTPRoute> out = new ArrayList<>();
    List<HTTPRoute> rootRules = ShortNames.http(root, domainSuffix);
    for (int i = 0; i < rootRules.size(); i++) {
      HTTPRoute rule = rootRules.get(i);
      if (rule.delegate().isEmpty()) {
        out.add(rule);
        continue;
      }
      String name = rule.delegate().get().name().orElse("");
      String ns = rule.delegate().get().namespace().filter(s -> !s.isEmpty()).orElse(root.namespace());
      String path = "spec.http[" + i + "].delegate";
      Optional<VirtualService> delegate = delegates.stream()
          .filter(d -> d.spec().hosts().isEmpty() && d.name().equals(name) && d.namespace().equals(ns)).findFirst();
      if (delegate.isEmpty()) {
        diags.add(problem(root, path, "delegate VirtualService " + ns + "/" + name + " not found"));
        continue;
      }
      Set<String> exportTo = Visibility.orDefault(delegate.get().spec().exportTo(), meshDefaultExportTo);
      if (!Visibility.visible(exportTo, ns, root.namespace())) {
        diags.add(problem(root, path,
            "delegate VirtualService " + ns + "/" + name + " is not exported to " + root.namespace()));
        continue;
      }
      HTTPRoute parent = HTTPRoute.builder().from(rule).delegate(Optional.empty()).build();
      for (HTTPRoute child : ShortNames.http(delegate.get(), domainSuffix)) {
        Optional<HTTPRoute> merged = DelegateMerge.route(parent, child);
        if (merged.isPresent()) {
          out.add(merged.get());
        } else {
          diags.add(problem(root, path, "a rule of delegate " + ns + "/" + name
              + " has matches that conflict with the root rule; left out"));
        }
      }
    }
    VirtualService merged = VirtualService.builder().from(root)
        .spec(VirtualServiceSpec.builder().from(root.spec()).http(out).build()).build();
    return new Merged(merged, diags);
  }

  private static Diagnostic problem(VirtualService root, String path, String message) {
    return Diagnostic.warning(path, message).withResource("VirtualService", root.namespace(), root.name());
  }
}
