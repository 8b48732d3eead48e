package dev.meshwright.xds.server;

import com.google.protobuf.Empty;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.XdsResources;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one stream asked for and holds of one xDS type: the subscription (wildcard and/or names), the resources the
 * proxy holds (as far as the server knows: what it sent, or what a Delta client declared on reconnect), and the
 * nonce bookkeeping behind ACK, NACK and status.
 *
 * <p>A push touches only what changed: the held set is one hash map (name → resource), the type's version is an
 * order-independent sum of per-entry hashes kept up to date as resources are held and released
 * ({@link HeldDigest}), and the names of some hostnames are found without copying the subscription. Not
 * thread-safe: guarded by its stream's lock.
 */
final class TypeState {
  /** The message of a resource a Delta client declared it holds but this server never sent. */
  private static final Empty DECLARED = Empty.getDefaultInstance();

  final String typeUrl;
  boolean wildcard;
  /** The explicit names (never {@code *}), shared with every stream asking for the same. */
  private NameSet names = NameSet.EMPTY;
  /** name → what the proxy holds. */
  private final Map<String, XdsResource> held = new HashMap<>();
  private long digest;
  /** Respond on the next push even when nothing changed (a first request). */
  boolean forceRespond;
  /** The subscription changed: diff this type on the next push even if that push is EDS-only. */
  boolean dirty;
  String sentNonce = "";
  String ackedNonce = "";
  String version = "";
  String error = "";
  boolean sentAny;

  TypeState(String typeUrl) {
    this.typeUrl = typeUrl;
  }

  /** LDS and CDS are sent as full state in SotW; the other types resource by resource. */
  boolean fullState() {
    return typeUrl.equals(TypeUrls.LISTENER) || typeUrl.equals(TypeUrls.CLUSTER);
  }

  /** The explicit names asked for (read-only). */
  Set<String> names() {
    return names.names();
  }

  /** Adds then removes explicit names; true when that changed them. */
  boolean changeNames(Collection<String> add, Collection<String> remove) {
    Set<String> next = null;
    for (String n : add) {
      if (!names.contains(n)) {
        next = next == null ? new HashSet<>(names.names()) : next;
        next.add(n);
      }
    }
    for (String n : remove) {
      if (next != null ? next.contains(n) : names.contains(n)) {
        next = next == null ? new HashSet<>(names.names()) : next;
        next.remove(n);
      }
    }
    if (next == null) {
      return false;
    }
    names = NameSet.of(next);
    return true;
  }

  /** Replaces the explicit names. */
  void setNames(Collection<String> replacement) {
    names = NameSet.of(replacement);
  }

  /** Whether {@code requested} lists exactly the explicit names, in the order they were first asked for. */
  boolean namesInOrder(List<String> requested) {
    return names.sameOrder(requested);
  }

  boolean wants(String name) {
    return wildcard || names.contains(name);
  }

  /**
   * The generated resources of this type that this subscription covers (read-only). A wildcard subscription
   * covers them all, so it gets the generated map itself rather than a per-stream copy.
   */
  SortedMap<String, XdsResource> desired(XdsResources generated) {
    if (wildcard) {
      return generated.of(typeUrl);
    }
    SortedMap<String, XdsResource> out = new TreeMap<>();
    generated.of(typeUrl).forEach((n, r) -> {
      if (wants(n)) {
        out.put(n, r);
      }
    });
    return out;
  }

  /** The version of {@code name} the proxy holds, or null. */
  String heldVersion(String name) {
    XdsResource r = held.get(name);
    return r == null ? null : r.version();
  }

  /** The resource the proxy holds under {@code name}, or null. */
  XdsResource heldResource(String name) {
    return held.get(name);
  }

  /** Whether the proxy holds {@code r} at its version. */
  boolean holds(XdsResource r) {
    XdsResource h = held.get(r.name());
    return h != null && h.version().equals(r.version());
  }

  /** The names the proxy holds (a read-only view). */
  Set<String> heldNames() {
    return Collections.unmodifiableSet(held.keySet());
  }

  int heldCount() {
    return held.size();
  }

  /** Whether the proxy holds exactly {@code desired}, versions included. */
  boolean holdsExactly(Map<String, XdsResource> desired) {
    return desired.size() == held.size() && desired.values().stream().allMatch(this::holds);
  }

  /** The held names (from {@code only} when non-null, else all) that {@code desired} no longer has. */
  List<String> gone(Map<String, XdsResource> desired, Set<String> only) {
    Collection<String> candidates = only != null && only.size() < held.size() ? only : held.keySet();
    return candidates.stream()
        .filter(n -> held.containsKey(n) && !desired.containsKey(n) && (only == null || only.contains(n)))
        .sorted().toList();
  }

  /**
   * The names held or asked for (and still wanted) whose cluster is one of {@code hostnames}: EDS and RDS names end
   * in {@code |<hostname>} ({@code outbound|port|subset|host}). Explicit names come from their shared index by
   * hostname (what is held is always wanted, so the names asked for cover it); a wildcard walks what is held.
   */
  Set<String> namesForHosts(Set<String> hostnames) {
    Set<String> out = new TreeSet<>();
    if (!wildcard) {
      hostnames.forEach(h -> out.addAll(names.ofHost(h)));
      return out;
    }
    String[] hosts = hostnames.toArray(String[]::new);
    for (String n : held.keySet()) {
      int from = n.lastIndexOf('|') + 1;
      int length = n.length() - from;
      for (String h : hosts) {
        if (h.length() == length && n.startsWith(h, from)) {
          out.add(n);
          break;
        }
      }
    }
    return out;
  }

  /** Forgets held resources the subscription no longer covers (the client drops them itself). */
  void dropUnwanted() {
    if (wildcard) {
      return;
    }
    held.values().removeIf(r -> {
      boolean drop = !names.contains(r.name());
      if (drop) {
        digest -= HeldDigest.entry(r.name(), r.version());
      }
      return drop;
    });
  }

  /** Records the versions a Delta client declared it holds ({@code initial_resource_versions}). */
  void declare(Map<String, String> versions) {
    versions.forEach((n, v) -> put(new XdsResource(n, DECLARED, v)));
  }

  void hold(Collection<XdsResource> resources) {
    resources.forEach(this::put);
  }

  private void put(XdsResource r) {
    XdsResource old = held.put(r.name(), r);
    if (old != null) {
      digest -= HeldDigest.entry(old.name(), old.version());
    }
    digest += HeldDigest.entry(r.name(), r.version());
  }

  void release(Collection<String> removed) {
    removed.forEach(n -> {
      XdsResource old = held.remove(n);
      if (old != null) {
        digest -= HeldDigest.entry(old.name(), old.version());
      }
    });
  }

  void releaseAll() {
    held.clear();
    digest = 0;
  }

  /** The version of what the proxy holds: 16 hex digits, the same for the same names and versions. */
  String heldVersion() {
    return HeldDigest.hex(digest);
  }

  /** The resources this server sent and the proxy still holds (declared-only versions left out). */
  Map<String, XdsResource> sent() {
    Map<String, XdsResource> out = new TreeMap<>();
    held.forEach((n, r) -> {
      if (r.message() != DECLARED) {
        out.put(n, r);
      }
    });
    return out;
  }

  void sent(String nonce, String versionInfo) {
    sentNonce = nonce;
    version = versionInfo;
    sentAny = true;
    forceRespond = false;
  }

  void ack(String nonce) {
    ackedNonce = nonce;
    error = "";
  }

  void nack(String message) {
    error = message.isEmpty() ? "rejected without a message" : message;
  }

  TypeStatus status() {
    SyncStatus s;
    if (!sentAny) {
      s = SyncStatus.NOT_SENT;
    } else if (!error.isEmpty()) {
      s = SyncStatus.ERROR;
    } else if (ackedNonce.equals(sentNonce)) {
      s = SyncStatus.SYNCED;
    } else {
      s = SyncStatus.STALE;
    }
    return new TypeStatus(s, sentNonce, ackedNonce, version, error, held.size());
  }
}
