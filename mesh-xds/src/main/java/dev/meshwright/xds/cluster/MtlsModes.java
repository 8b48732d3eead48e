package dev.meshwright.xds.cluster;

import dev.meshwright.api.security.MutualTls;
import dev.meshwright.api.security.PeerAuthentication;
import dev.meshwright.model.snapshot.MeshSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The peer-authentication (mutual TLS) mode a server workload runs, as clients infer it: the workload's policy
 * (with its port-level modes) over its namespace's selector-less policy over the root namespace's, PERMISSIVE when
 * nothing is set. Used for auto-mTLS decisions in CDS and for the endpoint {@code tlsMode} in EDS; the per-endpoint
 * lookup is memoized per snapshot. Pure.
 */
public final class MtlsModes {
  private MtlsModes() {}

  /** The namespace-level mode (no workload policy): what auto-mTLS assumes for a service in {@code namespace}. */
  public static MutualTls.Mode namespaceMode(MeshSnapshot snapshot, String namespace) {
    return compose(snapshot, namespace, Map.of(), 0);
  }

  /** The mode of the workload with {@code labels} in {@code namespace} on its port {@code targetPort}. */
  public static MutualTls.Mode workloadMode(MeshSnapshot snapshot, String namespace, Map<String, String> labels,
      int targetPort) {
    return compose(snapshot, namespace, labels, targetPort);
  }

  /** Memo key: the mode of a workload with these labels in this namespace on this port (0: namespace-level). */
  private record WorkloadKey(String namespace, Map<String, String> labels, int targetPort) {}

  /**
   * {@link #workloadMode}, worked out once per snapshot for each distinct (namespace, labels, port): EDS asks it for
   * every endpoint of every cluster, and endpoints of one workload share their labels.
   */
  static MutualTls.Mode workloadMode(dev.meshwright.xds.ProxyContext ctx, String namespace, Map<String, String> labels,
      int targetPort) {
    return ctx.memo().get(new WorkloadKey(namespace, labels, targetPort),
        () -> compose(ctx.snapshot(), namespace, labels, targetPort));
  }

  private static MutualTls.Mode compose(MeshSnapshot snapshot, String namespace, Map<String, String> labels,
      int port) {
    List<PeerAuthentication> all = snapshot.policies().peerAuthentications(namespace, labels);
    String root = snapshot.rootNamespace();
    Optional<PeerAuthentication> mesh = all.stream()
        .filter(p -> ns(p).equals(root) && !hasSelector(p)).findFirst();
    Optional<PeerAuthentication> nsWide = namespace.equals(root) ? Optional.empty() : all.stream()
        .filter(p -> ns(p).equals(namespace) && !hasSelector(p)).findFirst();
    Optional<PeerAuthentication> workload = labels.isEmpty() ? Optional.empty() : all.stream()
        .filter(p -> ns(p).equals(namespace) && hasSelector(p)).findFirst();
    MutualTls.Mode mode = MutualTls.Mode.PERMISSIVE;
    mode = override(mode, mesh.flatMap(p -> p.spec().mtls()));
    mode = override(mode, nsWide.flatMap(p -> p.spec().mtls()));
    if (workload.isPresent()) {
      mode = override(mode, workload.get().spec().mtls());
      if (port > 0) {
        mode = override(mode, Optional.ofNullable(workload.get().spec().portLevelMtls().get(port)));
      }
    }
    return mode;
  }

  private static MutualTls.Mode override(MutualTls.Mode current, Optional<MutualTls> next) {
    MutualTls.Mode m = next.flatMap(MutualTls::mode).orElse(MutualTls.Mode.UNSET);
    return m == MutualTls.Mode.UNSET ? current : m;
  }

  private static boolean hasSelector(PeerAuthentication p) {
    return p.spec().selector().filter(s -> !s.matchLabels().isEmpty()).isPresent();
  }

  private static String ns(PeerAuthentication p) {
    return p.namespace();
  }
}
