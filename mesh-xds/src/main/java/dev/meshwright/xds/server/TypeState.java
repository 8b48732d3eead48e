package dev.meshwright.xds.server;

import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.XdsResources;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one stream asked for and holds of one xDS type: the subscription (wildcard and/or names), the resources the
 * proxy holds (as far as the server knows: what it sent, or what a Delta client declared on reconnect), and the
 * nonce bookkeeping behind ACK, NACK and status. Not thread-safe: guarded by its stream's lock.
 */
final class TypeState {
  final String typeUrl;
  boolean wildcard;
  /** The explicit names (never {@code *}). */
  final Set<String> names = new TreeSet<>();
  /** name → version the proxy holds. */
  final Map<String, String> heldVersions = new TreeMap<>();
  /** name → resource, for the resources this server sent (the config dump). */
  final Map<String, XdsResource> held = new TreeMap<>();
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

  boolean wants(String name) {
    return wildcard || names.contains(name);
  }

  /** The generated resources of this type that this subscription covers. */
  SortedMap<String, XdsResource> desired(XdsResources generated) {
    SortedMap<String, XdsResource> out = new TreeMap<>();
    generated.of(typeUrl).forEach((n, r) -> {
      if (wants(n)) {
        out.put(n, r);
      }
    });
    return out;
  }

  /**
   * The names held or asked for (and still wanted) whose cluster is one of {@code hostnames}: EDS and RDS names end
   * in {@code |<hostname>} ({@code outbound|port|subset|host}).
   */
  Set<String> namesForHosts(Set<String> hostnames) {
    Set<String> out = new TreeSet<>();
    Set<String> candidates = new TreeSet<>(names);
    candidates.addAll(heldVersions.keySet());
    for (String n : candidates) {
      if (wants(n) && hostnames.contains(n.substring(n.lastIndexOf('|') + 1))) {
        out.add(n);
      }
    }
    return out;
  }

  /** Forgets held resources the subscription no longer covers (the client drops them itself). */
  void dropUnwanted() {
    heldVersions.keySet().removeIf(n -> !wants(n));
    held.keySet().removeIf(n -> !wants(n));
  }

  void hold(Collection<XdsResource> resources) {
    for (XdsResource r : resources) {
      heldVersions.put(r.name(), r.version());
      held.put(r.name(), r);
    }
  }

  void release(Collection<String> removed) {
    removed.forEach(n -> {
      heldVersions.remove(n);
      held.remove(n);
    });
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
    return new TypeStatus(s, sentNonce, ackedNonce, version, error, heldVersions.size());
  }

  /** A content version for a set of resource versions: 16 hex digits of a SHA-256 over the sorted pairs. */
  static String versionOf(Map<String, String> versions) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      new TreeMap<>(versions).forEach((n, v) -> {
        md.update(n.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(v.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      });
      return HexFormat.of().formatHex(md.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static Map<String, String> versions(Map<String, XdsResource> resources) {
    Map<String, String> out = new HashMap<>();
    resources.forEach((n, r) -> out.put(n, r.version()));
    return out;
  }
}
