package dev.meshwright.xds.ca.server;

import dev.meshwright.xds.ca.CaException;
import dev.meshwright.xds.ca.CaOptions;
import dev.meshwright.xds.ca.CertificateAuthority;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Reads istiod's plugged-in CA directory ({@code cacerts}: {@code ca-cert.pem}, {@code ca-key.pem},
 * {@code root-cert.pem} and optionally {@code cert-chain.pem}). Stateless.
 */
public final class CaFiles {
  private CaFiles() {}

  /** The file names istiod looks for. */
  public static final String CA_CERT = "ca-cert.pem";
  /** The signing key. */
  public static final String CA_KEY = "ca-key.pem";
  /** The chain above the signing certificate. */
  public static final String CERT_CHAIN = "cert-chain.pem";
  /** The root. */
  public static final String ROOT_CERT = "root-cert.pem";

  /** Whether {@code dir} holds a plugged-in CA (its signing certificate and key). */
  public static boolean present(Path dir) {
    return Files.isRegularFile(dir.resolve(CA_CERT)) && Files.isRegularFile(dir.resolve(CA_KEY));
  }

  /**
   * The CA in {@code dir}.
   *
   * @throws CaException when a file is missing or unreadable or the files do not fit together
   */
  public static CertificateAuthority load(Path dir, CaOptions options, Clock clock) {
    String chain = Files.isRegularFile(dir.resolve(CERT_CHAIN)) ? read(dir.resolve(CERT_CHAIN)) : "";
    return CertificateAuthority.pluggedIn(read(dir.resolve(CA_CERT)), read(dir.resolve(CA_KEY)), chain,
        read(dir.resolve(ROOT_CERT)), options, clock);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CaException("cannot read " + p + ": " + e.getMessage(), e);
    }
  }
}
