package dev.meshwright.xds.listener;

import dev.meshwright.api.security.MutualTls;
import dev.meshwright.api.security.PeerAuthentication;
import dev.meshwright.xds.ProxyContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The effective inbound mTLS mode of a workload, composed from the PeerAuthentications that apply to it as istiod's
 * {@code ComposePeerAuthentication}: the oldest selector-less policy of the root namespace (mesh), then the oldest
 * selector-less one of the workload's namespace, then the oldest workload policy (with a selector, outside the root
 * namespace), each overriding the previous unless its mode is unset; port-level modes come from the workload policy
 * only (unset inherits the workload level). With no policy the mode is PERMISSIVE. Immutable values; pure.
 */
public final class PeerAuthentications {
  private PeerAuthentications() {}

  /** The inbound mTLS modes a chain set can be built for. */
  public enum Mode { STRICT, PERMISSIVE, DISABLE }

  /**
   * A workload's composed policy.
   *
   * @param mode the workload-wide mode
   * @param perPort port-level modes of the workload policy, by target port (sorted)
   */
  public record Effective(Mode mode, Map<Integer, Mode> perPort) {
    public Effective {
      perPort = Map.copyOf(perPort);
    }

    /** The mode for traffic to target port {@code port} (0 = no specific port). */
    public Mode forPort(int port) {
      return perPort.getOrDefault(port, mode);
    }

    /** The ports with a port-level mode, ascending. */
    public List<Integer> ports() {
      return perPort.keySet().stream().sorted().toList();
    }
  }

  /** The composed policy of {@code ctx}'s proxy (its namespace and labels). */
  public static Effective of(ProxyContext ctx) {
    List<PeerAuthentication> applicable = ctx.snapshot().policies()
        .peerAuthentications(ctx.proxy().namespace(), ctx.proxy().labels());
    return compose(ctx.snapshot().rootNamespace(), applicable);
  }

  /** Composes {@code applicable} (already filtered to the workload, oldest first) for root namespace {@code root}. */
  public static Effective compose(String root, List<PeerAuthentication> applicable) {
    PeerAuthentication mesh = null;
    PeerAuthentication namespace = null;
    PeerAuthentication workload = null;
    for (PeerAuthentication p : applicable) {
      boolean selectorLess = p.spec().selector().map(s -> s.matchLabels().isEmpty()).orElse(true);
      if (selectorLess) {
        if (p.namespace().equals(root)) {
          mesh = mesh == null ? p : mesh;
        } else {
          namespace = namespace == null ? p : namespace;
        }
      } else if (!p.namespace().equals(root)) {
        workload = workload == null ? p : workload;
      }
    }
    Mode mode = Mode.PERMISSIVE;
    mode = override(mode, mesh);
    mode = override(mode, namespace);
    mode = override(mode, workload);
    Map<Integer, Mode> perPort = new TreeMap<>();
    if (workload != null) {
      for (Map.Entry<Integer, MutualTls> e : workload.spec().portLevelMtls().entrySet()) {
        perPort.put(e.getKey(), convert(e.getValue()).orElse(mode));
      }
    }
    return new Effective(mode, perPort);
  }

  private static Mode override(Mode current, PeerAuthentication p) {
    return p == null ? current : p.spec().mtls().flatMap(PeerAuthentications::convert).orElse(current);
  }

  private static Optional<Mode> convert(MutualTls m) {
    return switch (m.mode().orElse(MutualTls.Mode.UNSET)) {
      case UNSET -> Optional.empty();
      case DISABLE -> Optional.of(Mode.DISABLE);
      case PERMISSIVE -> Optional.of(Mode.PERMISSIVE);
      case STRICT -> Optional.of(Mode.STRICT);
    };
  }
}
