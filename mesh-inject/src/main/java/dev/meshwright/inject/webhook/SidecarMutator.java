package dev.meshwright.inject.webhook;

import dev.meshwright.inject.InjectionException;
import dev.meshwright.inject.InjectionResult;
import dev.meshwright.inject.InjectionSettings;
import dev.meshwright.inject.InjectorValues;
import dev.meshwright.inject.SidecarInjector;
import java.util.Map;
import java.util.Objects;

/**
 * The webhook's injector: {@link SidecarInjector} behind the {@link PodMutator} seam, so the webhook answers
 * with the same pod {@code meshctl kube-inject} produces. The webhook path's cluster and network
 * ({@code /inject/cluster/C/net/N}) override the values' {@code global.multiCluster.clusterName} and
 * {@code global.network} for that request, as they override the proxy's environment in Istio. A pod the
 * injector refuses (a bad annotation, an unknown template) is denied with the injector's message, as Istio
 * does. Use {@link #gated} to put Istio's injection policy in front. Immutable and thread-safe.
 */
public final class SidecarMutator implements PodMutator {
  private final InjectionSettings settings;

  private SidecarMutator(InjectionSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The injector alone: every pod it is given is injected. */
  public static SidecarMutator of(InjectionSettings settings) {
    return new SidecarMutator(settings);
  }

  /** The injector behind {@link PolicyGate}: skipped pods pass, injected ones get an empty patch. */
  public static PodMutator gated(InjectionSettings settings) {
    return PolicyGate.of(settings.options(), of(settings));
  }

  @Override
  public AdmissionOutcome mutate(PodRequest request) {
    try {
      InjectionResult result = SidecarInjector.inject(request.pod(), forPath(request.proxyEnvs()));
      return AdmissionOutcome.patch(result.patch());
    } catch (InjectionException e) {
      return AdmissionOutcome.deny("injection failed: " + e.getMessage());
    }
  }

  private InjectionSettings forPath(Map<String, String> proxyEnvs) {
    InjectorValues values = settings.values();
    String cluster = proxyEnvs.get("ISTIO_META_CLUSTER_ID");
    if (cluster != null) {
      values = values.withSet("global.multiCluster.clusterName", cluster);
    }
    String network = proxyEnvs.get("ISTIO_META_NETWORK");
    if (network != null) {
      values = values.withSet("global.network", network);
    }
    return values == settings.values() ? settings : settings.withValues(values);
  }
}
