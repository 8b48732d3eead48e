package dev.meshwright.cli;

import dev.meshwright.api.operator.IstioOperator;
import dev.meshwright.fabric8.ResourceDefinitions;
import dev.meshwright.install.apply.ApplyMode;
import dev.meshwright.install.apply.ApplyOptions;
import dev.meshwright.install.apply.OperatorRenderer;
import dev.meshwright.install.apply.Precheck;
import dev.meshwright.install.apply.ReconcileResult;
import dev.meshwright.install.apply.Reconciler;
import dev.meshwright.install.render.ClusterFacts;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code meshctl x operator}: Istio's operator controller in-process. Watches IstioOperator resources in
 * every namespace and converges the cluster to each (apply, prune, status) until stopped; with
 * {@code --once}, reconciles every IstioOperator one time, prints the results and exits (1 if any ended
 * in {@code ERROR}).
 */
@Command(name = "operator", description = "Reconcile IstioOperator resources on the cluster (until stopped, or --once).")
final class OperatorCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin KubeOptions kube = new KubeOptions();

  @Option(names = "--once", description = "Reconcile every IstioOperator once and exit.")
  boolean once;

  @Option(names = "--resync", defaultValue = "PT5M", description = "Full resync period while watching (ISO-8601).")
  Duration resync;

  @Option(names = "--apply-mode", defaultValue = "SERVER_SIDE",
      description = "SERVER_SIDE (default) or CREATE_OR_REPLACE for API servers without server-side apply.")
  ApplyMode applyMode;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (KubernetesClient client = kube.open()) {
      ClusterFacts facts = new ClusterFacts(minorVersion(client));
      ApplyOptions options = ApplyOptions.defaults().withMode(applyMode);
      try (Reconciler reconciler = new Reconciler(client,
          new OperatorRenderer(facts, client.getKubernetesSerialization()), options, Clock.systemUTC())) {
        if (once) {
          return reconcileAll(client, reconciler, out);
        }
        reconciler.start(resync);
        out.println("watching IstioOperator resources in every namespace; stop with Ctrl-C");
        out.flush();
        new CountDownLatch(1).await();
        return 0;
      }
    }
  }

  private static int reconcileAll(KubernetesClient client, Reconciler reconciler, PrintWriter out) {
    List<GenericKubernetesResource> operators = client
        .genericKubernetesResources(ResourceDefinitions.context(IstioOperator.KIND)).inAnyNamespace().list().getItems();
    int code = 0;
    for (GenericKubernetesResource operator : operators) {
      ReconcileResult result = reconciler.reconcile(operator);
      out.println("IstioOperator " + operator.getMetadata().getNamespace() + "/" + operator.getMetadata().getName()
          + ": " + result.status() + ": " + result.message()
          + (result.pruned().isEmpty() ? "" : " (pruned " + result.pruned().size() + ")"));
      if (result.status().equals(ReconcileResult.ERROR)) {
        code = 1;
      }
    }
    if (operators.isEmpty()) {
      out.println("no IstioOperator resources found");
    }
    return code;
  }

  private static int minorVersion(KubernetesClient client) {
    int minor = Precheck.minorVersion(client.getKubernetesVersion());
    return minor == 0 ? ClusterFacts.NONE.kubeMinorVersion() : minor;
  }
}
