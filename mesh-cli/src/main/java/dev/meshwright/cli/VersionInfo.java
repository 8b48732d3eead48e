package dev.meshwright.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** meshctl's own version and the Istio release whose behaviour it reproduces, from the build. */
record VersionInfo(String meshctl, String istio) {
  static VersionInfo load() {
    Properties p = new Properties();
    try (InputStream in = VersionInfo.class.getResourceAsStream("/meshctl-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new VersionInfo(p.getProperty("meshctl.version", "unknown"), p.getProperty("istio.version", "unknown"));
  }

  /** Supplies {@code meshctl --version}. */
  static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      VersionInfo v = load();
      return new String[] {"meshctl version: " + v.meshctl(), "istio api version: " + v.istio()};
    }
  }
}
