package dev.meshwright.install.apply;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.operator.IstioOperator;
import dev.meshwright.api.yaml.Strictness;
import dev.meshwright.fabric8.Conversion;
import dev.meshwright.fabric8.Fabric8Resources;
import dev.meshwright.fabric8.ResourceDefinitions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The operator: watches IstioOperator resources and converges the cluster to what each one renders to, as
 * Istio's operator controller does. Each reconcile renders the operator, labels every object as owned by it
 * ({@value #OWNER_LABEL}, {@value #OWNER_NAMESPACE_LABEL}), applies them in dependency order, prunes owned
 * objects the new manifest no longer has, and writes {@code status.status}, {@code status.message} and a
 * {@code Reconciled} condition back. Deleting the IstioOperator removes what it owned (CRDs and namespaces
 * stay). Reconciles run one at a time on one thread; a failure is written to the status, never thrown.
 */
public final class Reconciler implements AutoCloseable {
  /** Label naming the IstioOperator an object belongs to. */
  public static final String OWNER_LABEL = "install.operator.istio.io/owning-resource";
  /** Label naming the namespace of that IstioOperator. */
  public static final String OWNER_NAMESPACE_LABEL = "install.operator.istio.io/owning-resource-namespace";

  /** Renders an IstioOperator to the objects it installs; bad input is an {@link IllegalArgumentException}. */
  @FunctionalInterface
  public interface ManifestRenderer {
    /** The objects {@code operator} installs, in any order. */
    List<HasMetadata> render(IstioOperator operator);
  }

  private final KubernetesClient client;
  private final ManifestRenderer renderer;
  private final ApplyOptions options;
  private final Clock clock;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "meshwright-reconciler");
    thread.setDaemon(true);
    return thread;
  });
  private SharedIndexInformer<GenericKubernetesResource> informer;

  /** A reconciler writing through {@code client}; {@code options} say how objects are written (no readiness wait is done). */
  public Reconciler(KubernetesClient client, ManifestRenderer renderer, ApplyOptions options, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.options = Objects.requireNonNull(options, "options").withReadinessTimeout(Duration.ZERO);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Starts watching IstioOperators in every namespace; every change, and every {@code resync}, reconciles. */
  public synchronized void start(Duration resync) {
    if (informer != null) {
      throw new IllegalStateException("already started");
    }
    informer = operators().inAnyNamespace().inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(GenericKubernetesResource obj) {
        enqueue(obj);
      }

      @Override
      public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
        if (!Objects.equals(oldObj.getAdditionalProperties().get("spec"), newObj.getAdditionalProperties().get("spec"))
            || Objects.equals(oldObj.getMetadata().getResourceVersion(), newObj.getMetadata().getResourceVersion())) {
          enqueue(newObj);
        }
      }

      @Override
      public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
        String ns = obj.getMetadata().getNamespace();
        String name = obj.getMetadata().getName();
        worker.execute(() -> removeOwned(ns, name));
      }
    }, resync.toMillis());
  }

  private void enqueue(GenericKubernetesResource operator) {
    String key = operator.getMetadata().getNamespace() + "/" + operator.getMetadata().getName();
    worker.execute(() -> {
      GenericKubernetesResource latest = informer.getStore().getByKey(key);
      if (latest != null) {
        reconcile(latest);
      }
    });
  }

  /** Reconciles one IstioOperator now, on the calling thread, and writes its status. */
  public ReconcileResult reconcile(GenericKubernetesResource operator) {
    String ns = Objects.requireNonNullElse(operator.getMetadata().getNamespace(), "");
    String name = operator.getMetadata().getName();
    ReconcileResult result = converge(operator, ns, name);
    writeStatus(operator, result);
    return result;
  }

  private ReconcileResult converge(GenericKubernetesResource operator, String ns, String name) {
    Conversion<IstioOperator> read = Fabric8Resources.fromGeneric(operator, IstioOperator.KIND, Strictness.STRICT);
    if (read.resource().isEmpty()) {
      return ReconcileResult.error(read.diagnostics().stream().map(Diagnostic::format)
          .collect(Collectors.joining("; ")));
    }
    List<HasMetadata> manifest;
    try {
      manifest = renderer.render(read.resource().get()).stream().map(o -> owned(o, ns, name)).toList();
      ManifestCheck.requireApplicable(manifest);
    } catch (IllegalArgumentException e) {
      return ReconcileResult.error("cannot render: " + e.getMessage());
    }
    InstallReport report;
    try {
      report = new Installer(client, options, clock, Sleeper.SYSTEM).install(manifest, ProgressListener.NONE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ReconcileResult.error("interrupted");
    }
    if (!report.failed().isEmpty()) {
      return new ReconcileResult(ReconcileResult.ERROR, "failed to apply: " + describe(report.failed()),
          report.applied(), List.of());
    }
    List<ObjectRef> pruned = prune(manifest, ns, name);
    VerifyReport verify = new InstallVerifier(client).verify(manifest, ProgressListener.NONE);
    if (!verify.verified()) {
      Map<ObjectRef, String> waiting = new LinkedHashMap<>(verify.notReady());
      verify.missing().forEach(m -> waiting.put(m, "missing"));
      return new ReconcileResult(ReconcileResult.RECONCILING, "waiting for " + describe(waiting),
          report.applied(), pruned);
    }
    return new ReconcileResult(ReconcileResult.HEALTHY, "applied " + report.applied().size() + " objects",
        report.applied(), pruned);
  }

  private List<ObjectRef> prune(List<HasMetadata> manifest, String ns, String name) {
    Set<String> wanted = manifest.stream().map(o -> ObjectRef.of(o).toString()).collect(Collectors.toSet());
    List<HasMetadata> stale = InstalledObjects.withLabels(client, ownerLabels(ns, name)).stream()
        .filter(o -> !wanted.contains(ObjectRef.of(o).toString())).toList();
    if (stale.isEmpty()) {
      return List.of();
    }
    return new Uninstaller(client).uninstall(stale, UninstallOptions.manifestOnly(), ProgressListener.NONE).deleted();
  }

  private void removeOwned(String ns, String name) {
    List<HasMetadata> owned = InstalledObjects.withLabels(client, ownerLabels(ns, name));
    if (!owned.isEmpty()) {
      new Uninstaller(client).uninstall(owned, UninstallOptions.manifestOnly(), ProgressListener.NONE);
    }
  }

  private static Map<String, String> ownerLabels(String ns, String name) {
    return Map.of(OWNER_LABEL, name, OWNER_NAMESPACE_LABEL, ns);
  }

  private HasMetadata owned(HasMetadata object, String ns, String name) {
    HasMetadata copy = client.getKubernetesSerialization().clone(object);
    Map<String, String> labels = new HashMap<>(Objects.requireNonNullElse(copy.getMetadata().getLabels(), Map.of()));
    labels.putAll(ownerLabels(ns, name));
    copy.getMetadata().setLabels(labels);
    return copy;
  }

  private void writeStatus(GenericKubernetesResource operator, ReconcileResult result) {
    Map<String, Object> condition = new LinkedHashMap<>();
    condition.put("type", "Reconciled");
    condition.put("status", result.status().equals(ReconcileResult.HEALTHY) ? "True" : "False");
    condition.put("reason", result.status());
    condition.put("message", result.message());
    condition.put("lastTransitionTime", clock.instant().toString());
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("status", result.status());
    status.put("message", result.message());
    status.put("conditions", List.of(condition));
    try {
      GenericKubernetesResource current = operators().inNamespace(operator.getMetadata().getNamespace())
          .withName(operator.getMetadata().getName()).get();
      if (current != null) {
        current.setAdditionalProperty("status", status);
        operators().inNamespace(operator.getMetadata().getNamespace()).resource(current).updateStatus();
      }
    } catch (KubernetesClientException e) {
      // The status is informative; the next reconcile writes it again.
    }
  }

  private MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList,
      Resource<GenericKubernetesResource>> operators() {
    return client.genericKubernetesResources(ResourceDefinitions.context(IstioOperator.KIND));
  }

  private static String describe(Map<ObjectRef, String> problems) {
    List<String> parts = new ArrayList<>();
    problems.forEach((ref, why) -> parts.add(ref + " (" + why + ")"));
    return String.join(", ", parts);
  }

  /** Stops watching and lets the running reconcile finish. */
  @Override
  public synchronized void close() {
    if (informer != null) {
      informer.close();
      informer = null;
    }
    worker.shutdown();
  }
}
