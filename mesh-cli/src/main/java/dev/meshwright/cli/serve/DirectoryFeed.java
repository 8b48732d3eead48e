package dev.meshwright.cli.serve;

import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.cli.serve.ServeSettings.CallerTrust;
import dev.meshwright.cli.source.DirectorySource;
import dev.meshwright.model.config.ConfigStore;
import dev.meshwright.xds.ca.server.Authenticator;
import java.nio.file.Files;

/** File mode: a directory scanned on every poll; the CA trusts callers only when told to. Thread-safe. */
final class DirectoryFeed implements ConfigFeed {
  private final ServeSettings.Directory input;
  private final DirectorySource directory;

  DirectoryFeed(ServeSettings.Directory input, ConfigStore store) {
    this.input = input;
    this.directory = new DirectorySource(input.dir(), store, MeshYaml.standard());
  }

  @Override
  public Changes start() {
    if (!Files.isDirectory(input.dir())) {
      throw new IllegalArgumentException(input.dir() + ": not a directory");
    }
    return poll();
  }

  @Override
  public Changes poll() {
    DirectorySource.Scan scan = directory.scan();
    return new Changes(scan.events(), scan.diagnostics());
  }

  @Override
  public void onChange(Runnable wake) {
    // polled: nothing calls back
  }

  @Override
  public Authenticator authenticator(String trustDomain) {
    return servesWorkloadKeys() ? Authenticator.trustRequestedIdentity(trustDomain) : Authenticator.denyAll();
  }

  @Override
  public boolean servesWorkloadKeys() {
    return input.callers() == CallerTrust.REQUESTED_IDENTITY;
  }

  @Override
  public void close() {
    directory.close();
  }
}
