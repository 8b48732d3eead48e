package dev.meshwright.model.snapshot;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.GenericResource;
import dev.meshwright.api.Severity;
import dev.meshwright.model.config.ConfigKey.KindId;
import dev.meshwright.model.config.ConfigView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Kubernetes Secrets gateways may load by {@code credentialName}, keeping only the keys Istio's credential
 * controller reads: {@code tls.crt}/{@code tls.key}/{@code ca.crt}/{@code ca.crl}/{@code tls.ocsp-staple} and
 * the generic {@code cert}/{@code key}/{@code cacert}/{@code crl}. Values come from {@code data} (base64) with
 * {@code stringData} taking precedence, as the API server merges them. A value that is not base64 is left out
 * with a diagnostic. Immutable and thread-safe.
 */
public final class TlsSecrets {
  /** The Secret kind. */
  public static final KindId SECRET = KindId.core("Secret");

  private static final Set<String> KEPT = Set.of("tls.crt", "tls.key", "ca.crt", "ca.crl", "tls.ocsp-staple",
      "cert", "key", "cacert", "crl");
  private static final TlsSecrets NONE = new TlsSecrets(Map.of(), List.of());

  private final Map<String, Map<String, byte[]>> byKey;
  private final List<Diagnostic> diagnostics;

  private TlsSecrets(Map<String, Map<String, byte[]>> byKey, List<Diagnostic> diagnostics) {
    this.byKey = byKey;
    this.diagnostics = List.copyOf(diagnostics);
  }

  static TlsSecrets none() {
    return NONE;
  }

  static TlsSecrets build(ConfigView view) {
    Map<String, Map<String, byte[]>> out = new HashMap<>();
    List<Diagnostic> diags = new ArrayList<>();
    for (GenericResource r : view.generic(SECRET)) {
      Map<String, byte[]> data = new HashMap<>();
      if (r.body().get("data") instanceof Map<?, ?> m) {
        m.forEach((k, v) -> {
          if (KEPT.contains(String.valueOf(k)) && v != null) {
            try {
              data.put(String.valueOf(k), Base64.getMimeDecoder().decode(String.valueOf(v)));
            } catch (IllegalArgumentException e) {
              diags.add(new Diagnostic(Severity.WARNING, "", 0, 0, "Secret", r.namespace(), r.name(), "data." + k,
                  "not base64; the key is ignored"));
            }
          }
        });
      }
      if (r.body().get("stringData") instanceof Map<?, ?> m) {
        m.forEach((k, v) -> {
          if (KEPT.contains(String.valueOf(k)) && v != null) {
            data.put(String.valueOf(k), String.valueOf(v).getBytes(StandardCharsets.UTF_8));
          }
        });
      }
      out.put(r.namespace() + "/" + r.name(), Map.copyOf(data));
    }
    return new TlsSecrets(Map.copyOf(out), diags);
  }

  /** The Secrets ({@code namespace/name}) added, removed or with other kept data than in {@code before}. */
  Set<String> changedSince(TlsSecrets before) {
    Set<String> out = new java.util.TreeSet<>();
    if (before == this) {
      return out;
    }
    Set<String> keys = new java.util.HashSet<>(byKey.keySet());
    keys.addAll(before.byKey.keySet());
    for (String k : keys) {
      Map<String, byte[]> a = before.byKey.get(k);
      Map<String, byte[]> b = byKey.get(k);
      if (a == null || b == null || !a.keySet().equals(b.keySet())
          || a.keySet().stream().anyMatch(d -> !java.util.Arrays.equals(a.get(d), b.get(d)))) {
        out.add(k);
      }
    }
    return out;
  }

  /** Whether Secret {@code namespace/name} exists. */
  public boolean contains(String namespace, String name) {
    return byKey.containsKey(namespace + "/" + name);
  }

  /**
   * The certificate chain and key of Secret {@code namespace/name}, by Istio's rule: {@code cert}/{@code key}
   * when both are non-empty, else {@code tls.crt}/{@code tls.key}; empty when the Secret is missing or has
   * neither pair.
   */
  public Optional<TlsCredential> keyAndCertificate(String namespace, String name) {
    Map<String, byte[]> d = byKey.get(namespace + "/" + name);
    if (d == null) {
      return Optional.empty();
    }
    if (hasValues(d, "cert", "key")) {
      return Optional.of(new TlsCredential(d.get("cert"), d.get("key"), null, d.get("crl")));
    }
    if (hasValues(d, "tls.crt", "tls.key")) {
      return Optional.of(new TlsCredential(d.get("tls.crt"), d.get("tls.key"), d.get("tls.ocsp-staple"),
          d.get("ca.crl")));
    }
    return Optional.empty();
  }

  /**
   * The CA certificate for validation secret {@code namespace/name} (a name ending in {@code -cacert}): that
   * Secret's {@code cacert}, else its {@code ca.crt}; when no Secret has that name, the Secret named without the
   * suffix is read the same way. Empty when none holds a CA certificate.
   */
  public Optional<TlsCredential> caCertificate(String namespace, String name) {
    Map<String, byte[]> d = byKey.get(namespace + "/" + name);
    if (d == null && name.endsWith("-cacert")) {
      d = byKey.get(namespace + "/" + name.substring(0, name.length() - "-cacert".length()));
    }
    if (d == null) {
      return Optional.empty();
    }
    if (hasValues(d, "cacert")) {
      return Optional.of(new TlsCredential(d.get("cacert"), null, null, d.get("crl")));
    }
    if (hasValues(d, "ca.crt")) {
      return Optional.of(new TlsCredential(d.get("ca.crt"), null, null, d.get("ca.crl")));
    }
    return Optional.empty();
  }

  private static boolean hasValues(Map<String, byte[]> d, String... keys) {
    for (String k : keys) {
      byte[] v = d.get(k);
      if (v == null || v.length == 0) {
        return false;
      }
    }
    return true;
  }

  /** How many Secrets are indexed. */
  public int size() {
    return byKey.size();
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
