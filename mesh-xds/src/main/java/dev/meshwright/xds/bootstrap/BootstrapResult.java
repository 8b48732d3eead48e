package dev.meshwright.xds.bootstrap;

import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link BootstrapRenderer} produced: the bootstrap, the files pilot-agent writes beside it (today the Lightstep
 * access token file, by path), and the problems that kept it from rendering. Exactly one of {@code bootstrap} and a
 * non-empty {@code problems} is present. Immutable.
 *
 * @param bootstrap the Envoy bootstrap, empty when a problem kept it from rendering
 * @param files extra files to write, path to content
 * @param problems why the input cannot be rendered, one sentence each
 */
public record BootstrapResult(Optional<Bootstrap> bootstrap, Map<String, String> files, List<String> problems) {
  public BootstrapResult {
    files = Map.copyOf(files);
    problems = List.copyOf(problems);
  }

  /** Whether rendering failed. */
  public boolean hasProblems() {
    return !problems.isEmpty();
  }
}
