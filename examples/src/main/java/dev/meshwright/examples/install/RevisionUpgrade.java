package dev.meshwright.examples.install;

import dev.meshwright.examples.LocalCluster;
import dev.meshwright.install.InstallInputs;
import dev.meshwright.install.InstallSpec;
import dev.meshwright.install.apply.ApplyMode;
import dev.meshwright.install.apply.ApplyOptions;
import dev.meshwright.install.apply.InstallReport;
import dev.meshwright.install.apply.Installer;
import dev.meshwright.install.apply.ManifestObjects;
import dev.meshwright.install.apply.ProgressListener;
import dev.meshwright.install.apply.Sleeper;
import dev.meshwright.install.apply.UninstallOptions;
import dev.meshwright.install.apply.UninstallReport;
import dev.meshwright.install.apply.Uninstaller;
import dev.meshwright.install.render.ClusterFacts;
import dev.meshwright.install.render.Manifest;
import dev.meshwright.install.render.ManifestRenderer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Istio's revision-based (canary) upgrade, driven from Java: render Istio 1.22.8 with an IstioOperator
 * overlay as revision {@code 1-22-8} and install it; label a namespace {@code istio.io/rev=1-22-8}; install a
 * second control plane, revision {@code canary}, side by side; move the namespace's label to {@code canary};
 * remove revision {@code 1-22-8}. Rendering is mesh-install's pure {@link ManifestRenderer}; writing is its
 * apply edge ({@link Installer}, {@link Uninstaller}) over a fabric8 {@link KubernetesClient}. After each step
 * it prints which istiod Deployments and injector webhooks exist and the namespace's revision.
 *
 * <p>A failed step stops the upgrade with an {@link IllegalStateException} naming what failed; every step can
 * be run again. Run it with
 * {@code ./mvnw -q -pl examples exec:java -Dexec.mainClass=dev.meshwright.examples.install.RevisionUpgrade}.
 */
public final class RevisionUpgrade {
  /** The namespace whose workloads move from the old control plane to the new one. */
  public static final String APP_NAMESPACE = "shop";
  /** The revision installed first. */
  public static final String OLD = "1-22-8";
  /** The revision upgraded to. */
  public static final String CANARY = "canary";

  /** The overlay: a revision, istiod's resources and one mesh setting, as a user's {@code -f} file would be. */
  static final String OVERLAY = """
      apiVersion: install.istio.io/v1alpha1
      kind: IstioOperator
      spec:
        revision: 1-22-8
        meshConfig:
          accessLogFile: /dev/stdout
        components:
          pilot:
            k8s:
              resources:
                requests:
                  cpu: 250m
                  memory: 512Mi
      """;

  private RevisionUpgrade() {}

  /**
   * The cluster after one step.
   *
   * @param step what was just done
   * @param istiods the istiod Deployments in {@code istio-system}, by name
   * @param injectors the MutatingWebhookConfigurations, by name
   * @param namespaceRevision the {@code istio.io/rev} label of {@link #APP_NAMESPACE}
   */
  public record State(String step, List<String> istiods, List<String> injectors, String namespaceRevision) {}

  /** Renders the overlay as {@code revision} ({@code --set revision=...} wins over the file, as in istioctl). */
  public static Manifest render(String revision) {
    InstallInputs.Assembly assembly = InstallInputs.of()
        .withFile("overlay.yaml", OVERLAY)
        .withSet("revision=" + revision)
        .assemble();
    InstallSpec spec = assembly.spec()
        .orElseThrow(() -> new IllegalStateException("bad install inputs: " + assembly.diagnostics()));
    ManifestRenderer.Rendering rendering = ManifestRenderer.render(spec, ClusterFacts.NONE);
    return rendering.manifest()
        .orElseThrow(() -> new IllegalStateException("cannot render: " + rendering.diagnostics()));
  }

  /** Runs the four steps against {@code kube}, printing to {@code out}; returns the state after each. */
  public static List<State> run(KubernetesClient kube, PrintStream out) throws InterruptedException {
    // The local cluster runs no pods, so nothing would ever become ready: do not wait. On a real cluster
    // keep the defaults (server-side apply, wait up to five minutes).
    ApplyOptions options = ApplyOptions.defaults().withMode(ApplyMode.CREATE_OR_REPLACE)
        .withReadinessTimeout(Duration.ZERO);
    Installer installer = new Installer(kube, options, Clock.systemUTC(), Sleeper.SYSTEM);
    List<State> states = new ArrayList<>();

    Manifest old = render(OLD);
    install(installer, objects(kube, old));
    kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(APP_NAMESPACE)
        .addToLabels("istio.io/rev", OLD).endMetadata().build()).createOr(NonDeletingOperation::update);
    states.add(report(kube, "installed revision " + OLD + ", namespace " + APP_NAMESPACE + " uses it", out));

    install(installer, objects(kube, render(CANARY)));
    states.add(report(kube, "installed revision " + CANARY + " side by side", out));

    // New pods in the namespace are now injected by the canary; restart the workloads to move them.
    kube.namespaces().withName(APP_NAMESPACE)
        .edit(ns -> new NamespaceBuilder(ns).editMetadata().addToLabels("istio.io/rev", CANARY).endMetadata().build());
    states.add(report(kube, "moved namespace " + APP_NAMESPACE + " to " + CANARY, out));

    UninstallReport removed = new Uninstaller(kube)
        .uninstall(objects(kube, old), UninstallOptions.revision(OLD), ProgressListener.NONE);
    if (!removed.succeeded()) {
      throw new IllegalStateException("uninstall of " + OLD + " incomplete: " + removed.summary());
    }
    states.add(report(kube, "removed revision " + OLD, out));
    return states;
  }

  private static List<HasMetadata> objects(KubernetesClient kube, Manifest manifest) {
    return ManifestObjects.toFabric8(manifest, kube.getKubernetesSerialization());
  }

  private static void install(Installer installer, List<HasMetadata> objects) throws InterruptedException {
    InstallReport report = installer.install(objects, ProgressListener.NONE);
    if (!report.succeeded()) {
      throw new IllegalStateException("install incomplete (" + report.summary() + "): " + report.failed());
    }
  }

  private static State report(KubernetesClient kube, String step, PrintStream out) {
    List<String> istiods = kube.apps().deployments().inNamespace("istio-system").list().getItems().stream()
        .map(d -> d.getMetadata().getName()).filter(n -> n.startsWith("istiod")).sorted().toList();
    List<String> injectors = kube.admissionRegistration().v1().mutatingWebhookConfigurations().list().getItems()
        .stream().map(w -> w.getMetadata().getName()).sorted().toList();
    String revision = kube.namespaces().withName(APP_NAMESPACE).get().getMetadata().getLabels().get("istio.io/rev");
    State state = new State(step, istiods, injectors, revision);
    out.printf("%s%n  istiod deployments: %s%n  injector webhooks:  %s%n  %s istio.io/rev=%s%n",
        step, istiods, injectors, APP_NAMESPACE, revision);
    return state;
  }

  /** Runs the upgrade against a throwaway API server on loopback. */
  public static void main(String[] args) throws InterruptedException {
    try (LocalCluster cluster = LocalCluster.start()) {
      run(cluster.client(), System.out);
    }
  }
}
