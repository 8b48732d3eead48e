package dev.meshwright.cli.serve;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.model.config.ConfigEvent;
import dev.meshwright.xds.ca.server.Authenticator;
import java.util.List;

/**
 * What feeds {@link ServeRuntime}'s config store, and what the CA makes of callers in that mode: a polled directory
 * ({@link DirectoryFeed}) or a watched cluster ({@link ClusterFeed}). Implementations are thread-safe.
 */
interface ConfigFeed extends AutoCloseable {
  /**
   * What changed in the store since the last call, and problems not reported before.
   *
   * @param events the store's changes, in order
   * @param diagnostics problems reading the input
   */
  record Changes(List<ConfigEvent> events, List<Diagnostic> diagnostics) {
    public Changes {
      events = List.copyOf(events);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /**
   * Loads the input into the store for the first time.
   *
   * @throws IllegalArgumentException when the input cannot be read at all
   */
  Changes start();

  /** Brings the store up to date (scans a directory; takes what a watch delivered) and says what changed. */
  Changes poll();

  /** Has {@code wake} run whenever the input changes on its own (a watch); a polled input never calls it. */
  void onChange(Runnable wake);

  /** Who the CA certifies. */
  Authenticator authenticator(String trustDomain);

  /** Whether workload keys and certificates are served over SDS (only when callers are trusted as they claim). */
  boolean servesWorkloadKeys();

  /** Stops reading the input; the store keeps what it has. */
  @Override
  void close();
}
