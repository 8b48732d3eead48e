package dev.meshwright.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.cli.demo.BookinfoWorkloads;
import dev.meshwright.cli.demo.PodChanges;
import dev.meshwright.inject.InjectionException;
import dev.meshwright.inject.InjectionSettings;
import dev.meshwright.inject.KubeInject;
import dev.meshwright.install.render.ManifestYaml;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Step 2 of {@code meshctl demo}: the Bookinfo Deployments through {@code kube-inject} with the default injection
 * settings, and what changed in one pod template ({@link PodChanges}) instead of the whole injected YAML.
 */
final class DemoInject {
  private static final String SHOWN = "reviews-v2";

  private DemoInject() {}

  /** Prints the step; true when every Deployment got the sidecar. */
  static boolean run(PrintWriter out) {
    String input = BookinfoWorkloads.deployments();
    try {
      KubeInject.Output injected = KubeInject.inject("bookinfo-deployments.yaml", input, InjectionSettings.defaults());
      List<ObjectNode> before = ManifestYaml.read(input);
      List<ObjectNode> after = ManifestYaml.read(injected.yaml());
      long withSidecar = 0;
      PodChanges shown = null;
      for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
        PodChanges changes = PodChanges.between(before.get(i), after.get(i));
        withSidecar += changes.sidecarAdded() ? 1 : 0;
        if (before.get(i).path("metadata").path("name").asText().equals(SHOWN)) {
          shown = changes;
        }
      }
      boolean ok = withSidecar == before.size() && after.size() == before.size() && shown != null;
      out.printf("2. Sidecar injection: kube-injected %d Bookinfo Deployments, %d got istio-init + istio-proxy "
          + "(bin/meshctl kube-inject -f FILE)%n", before.size(), withSidecar);
      injected.warnings().forEach(w -> out.println("   warning: " + w));
      if (shown != null) {
        out.println("   what changed in the " + SHOWN + " pod template:");
        shown.lines().forEach(l -> out.println("     " + l));
      }
      return ok;
    } catch (InjectionException | IOException e) {
      out.println("2. Sidecar injection FAILED: " + e.getMessage());
      return false;
    }
  }
}
