package dev.meshwright.inject.webhook;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A server key manager whose certificate and key can be swapped while the server runs: every new TLS handshake
 * uses the material current when it starts; connections already established keep theirs. Each material gets its
 * own alias ({@code webhook-N}), and the previous one stays resolvable, so a handshake that straddles a swap
 * never pairs one chain with another key. Thread-safe (the current material is a volatile pair).
 */
final class ReloadingKeyManager extends X509ExtendedKeyManager {
  private record Slot(String alias, KeyMaterial material) {}

  private record State(Slot current, Slot previous) {}

  private volatile State state;
  private long generation;

  ReloadingKeyManager(KeyMaterial initial) {
    state = new State(new Slot("webhook-0", Objects.requireNonNull(initial, "initial")), null);
  }

  /** Makes {@code material} the one new handshakes use. */
  synchronized void update(KeyMaterial material) {
    generation++;
    state = new State(new Slot("webhook-" + generation, Objects.requireNonNull(material, "material")),
        state.current);
  }

  /** The material new handshakes use. */
  KeyMaterial current() {
    return state.current.material;
  }

  private Slot slot(String alias) {
    State s = state;
    if (s.current.alias.equals(alias)) {
      return s.current;
    }
    return s.previous != null && s.previous.alias.equals(alias) ? s.previous : null;
  }

  private String serverAlias(String keyType) {
    Slot s = state.current;
    return keyType != null && keyType.equals(s.material.key().getAlgorithm()) ? s.alias : null;
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return serverAlias(keyType);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return serverAlias(keyType);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    String alias = serverAlias(keyType);
    return alias == null ? null : new String[] {alias};
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    Slot s = slot(alias);
    return s == null ? null : s.material.chain().toArray(X509Certificate[]::new);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    Slot s = slot(alias);
    return s == null ? null : s.material.key();
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
    return null;
  }
}
