package dev.meshwright.install.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a rendered manifest to the cluster in {@link ApplyPhase} order and waits for its workloads.
 *
 * <p>Within a phase objects keep the manifest's order. A failure does not stop the phase, but the next
 * phase is not started: a Deployment is never created after its ServiceAccount failed, and webhooks are
 * never registered for an istiod that could not be written. The manifest is checked before anything is
 * written ({@link IllegalArgumentException} for a manifest with nameless or duplicate objects). Every write
 * is create-or-update, so running the same install again after a failure converges.
 */
public final class Installer {
  private final KubernetesClient client;
  private final ApplyOptions options;
  private final Clock clock;
  private final Sleeper sleeper;

  /** An installer writing through {@code client}; time comes from {@code clock}, waiting from {@code sleeper}. */
  public Installer(KubernetesClient client, ApplyOptions options, Clock clock, Sleeper sleeper) {
    this.client = Objects.requireNonNull(client, "client");
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * Applies {@code objects}, reporting progress to {@code listener}, then waits (up to the options'
   * readiness timeout) for Deployments, StatefulSets and DaemonSets to become ready.
   *
   * @throws IllegalArgumentException if the manifest is malformed; nothing has been written then
   * @throws InterruptedException if interrupted while waiting; what was applied stays applied
   */
  public InstallReport install(List<? extends HasMetadata> objects, ProgressListener listener)
      throws InterruptedException {
    ManifestCheck.requireApplicable(objects);
    ObjectWriter writer = new ObjectWriter(client, options);
    List<ObjectRef> applied = new ArrayList<>();
    Map<ObjectRef, String> failed = new LinkedHashMap<>();
    List<ObjectRef> skipped = new ArrayList<>();
    List<HasMetadata> toWaitFor = new ArrayList<>();
    for (Map.Entry<ApplyPhase, List<HasMetadata>> phase : byPhase(objects).entrySet()) {
      if (!failed.isEmpty()) {
        phase.getValue().forEach(o -> skipped.add(ObjectRef.of(o)));
        continue;
      }
      listener.phaseStarted(phase.getKey(), phase.getValue().size());
      for (HasMetadata object : phase.getValue()) {
        ObjectRef ref = ObjectRef.of(object);
        try {
          writer.apply(object);
          applied.add(ref);
          listener.objectDone(ref);
          if (Readiness.isWaitedFor(object.getKind())) {
            toWaitFor.add(object);
          }
        } catch (KubernetesClientException e) {
          failed.put(ref, ObjectWriter.message(e));
          listener.objectFailed(ref, ObjectWriter.message(e));
        }
      }
    }
    Map<ObjectRef, String> notReady = failed.isEmpty() ? waitForReady(writer, toWaitFor, listener) : Map.of();
    return new InstallReport(applied, failed, skipped, notReady);
  }

  /** The objects grouped by phase, phases in apply order, each group in manifest order. */
  static Map<ApplyPhase, List<HasMetadata>> byPhase(List<? extends HasMetadata> objects) {
    Map<ApplyPhase, List<HasMetadata>> phases = new EnumMap<>(ApplyPhase.class);
    for (HasMetadata object : objects) {
      phases.computeIfAbsent(ApplyPhase.of(object), p -> new ArrayList<>()).add(object);
    }
    return phases;
  }

  private Map<ObjectRef, String> waitForReady(ObjectWriter writer, List<HasMetadata> workloads,
      ProgressListener listener) throws InterruptedException {
    Map<ObjectRef, String> pending = new LinkedHashMap<>();
    workloads.forEach(w -> pending.put(ObjectRef.of(w), "not checked yet"));
    if (options.readinessTimeout().isZero()) {
      return Map.of();
    }
    Instant deadline = clock.instant().plus(options.readinessTimeout());
    while (true) {
      for (HasMetadata workload : workloads) {
        ObjectRef ref = ObjectRef.of(workload);
        if (!pending.containsKey(ref)) {
          continue;
        }
        String reason = readiness(writer, workload);
        if (reason == null) {
          pending.remove(ref);
          listener.ready(ref);
        } else {
          pending.put(ref, reason);
        }
      }
      if (pending.isEmpty()) {
        return Map.of();
      }
      if (!clock.instant().isBefore(deadline)) {
        return pending;
      }
      pending.forEach(listener::waiting);
      sleeper.sleep(options.pollInterval());
    }
  }

  /** Null when ready, else why not; a read failure is a reason too (the wait goes on). */
  private static String readiness(ObjectWriter writer, HasMetadata workload) {
    try {
      Optional<HasMetadata> current = writer.get(workload);
      if (current.isEmpty()) {
        return "not found on the server";
      }
      return Readiness.notReadyReason(current.get()).orElse(null);
    } catch (KubernetesClientException e) {
      return "cannot be read: " + ObjectWriter.message(e);
    }
  }
}
