package dev.meshwright.inject.webhook;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Re-reads the webhook's certificate and key files and hands changed, valid material to the
 * {@link ReloadingKeyManager}. Contents are compared, not modification times, so a secret volume's symlink swap
 * and a same-second rewrite are both seen. A half-written or mismatched pair is logged and skipped: the
 * previous certificate keeps serving until the files parse and match again; a broken pair is reported once, not
 * at every poll. Thread-safe ({@link #poll} is synchronized).
 */
final class CertificateWatcher {
  private static final System.Logger LOG = System.getLogger(CertificateWatcher.class.getName());

  private final Path certFile;
  private final Path keyFile;
  private final ReloadingKeyManager keyManager;
  private byte[] lastCert;
  private byte[] lastKey;
  private byte[] failedCert;
  private byte[] failedKey;

  private CertificateWatcher(Path certFile, Path keyFile, ReloadingKeyManager keyManager, byte[] cert, byte[] key) {
    this.certFile = certFile;
    this.keyFile = keyFile;
    this.keyManager = keyManager;
    this.lastCert = cert;
    this.lastKey = key;
  }

  /**
   * Reads the files once and builds the key manager over them.
   *
   * @throws IOException when a file cannot be read
   * @throws IllegalArgumentException when the files do not hold a matching certificate chain and key
   */
  static CertificateWatcher start(Path certFile, Path keyFile) throws IOException {
    Objects.requireNonNull(certFile, "certFile");
    Objects.requireNonNull(keyFile, "keyFile");
    byte[] cert = Files.readAllBytes(certFile);
    byte[] key = Files.readAllBytes(keyFile);
    KeyMaterial material = parse(certFile, cert, keyFile, key);
    return new CertificateWatcher(certFile, keyFile, new ReloadingKeyManager(material), cert, key);
  }

  ReloadingKeyManager keyManager() {
    return keyManager;
  }

  /** Re-reads both files; returns true when new material was installed. Never throws. */
  synchronized boolean poll() {
    try {
      byte[] cert = Files.readAllBytes(certFile);
      byte[] key = Files.readAllBytes(keyFile);
      if (Arrays.equals(cert, lastCert) && Arrays.equals(key, lastKey)) {
        return false;
      }
      if (Arrays.equals(cert, failedCert) && Arrays.equals(key, failedKey)) {
        return false;
      }
      failedCert = cert;
      failedKey = key;
      KeyMaterial material = parse(certFile, cert, keyFile, key);
      keyManager.update(material);
      lastCert = cert;
      lastKey = key;
      LOG.log(Level.INFO, "webhook serving certificate reloaded from {0}: serial {1}", certFile,
          material.leaf().getSerialNumber().toString(16));
      return true;
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(Level.WARNING, "webhook certificate not reloaded, the previous one keeps serving: {0}",
          e.getMessage());
      return false;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "webhook certificate reload failed, the previous one keeps serving", e);
      return false;
    }
  }

  private static KeyMaterial parse(Path certFile, byte[] cert, Path keyFile, byte[] key) {
    return KeyMaterial.parse(certFile.toString(), new String(cert, StandardCharsets.US_ASCII),
        keyFile.toString(), new String(key, StandardCharsets.US_ASCII));
  }
}
