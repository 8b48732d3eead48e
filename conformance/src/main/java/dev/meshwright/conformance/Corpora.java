package dev.meshwright.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The table of corpus implementations and the discovery of corpus folders under a root.
 *
 * <p>A sub-folder of the root is a corpus when it has a {@code cases.yaml} table or, like
 * {@code validation/}, a {@code cases/} folder; anything else ({@code crds/}) is data used by other tests.
 * The folder name picks the implementation from {@link #IMPLEMENTED}; a folder with a case table and no
 * implementation becomes a {@code not implemented} line, a {@code cases/} folder without a table is read
 * in the validation layout. Stateless.
 */
public final class Corpora {
  /** Implemented corpus kinds by folder name; add a line here when Meshwright learns a new corpus. */
  static final Map<String, Function<String, Corpus>> IMPLEMENTED = Map.of(
      "validation", ValidationCorpus::new,
      "inject", InjectCorpus::new,
      "install", InstallCorpus::new,
      "gateway-api", GatewayApiCorpus::new,
      "analyze", AnalyzeCorpus::new,
      "authz", AuthzCorpus::new,
      "helm", HelmCorpus::new,
      "xds-bench", XdsBenchCorpus::new,
      "xds-misc", XdsMiscCorpus::new);

  private Corpora() {}

  /** The corpora under {@code root}, sorted by name, limited to {@code only} unless it is empty. */
  public static List<Corpus> discover(Path root, List<String> only) throws IOException {
    List<Corpus> found = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        String name = dir.getFileName().toString();
        if (only.isEmpty() || only.contains(name)) {
          forFolder(dir).ifPresent(found::add);
        }
      }
    }
    return found;
  }

  /** The implementation for one folder, if it is a corpus at all. */
  static Optional<Corpus> forFolder(Path dir) {
    String name = dir.getFileName().toString();
    Function<String, Corpus> impl = IMPLEMENTED.get(name);
    if (impl != null) {
      return Optional.of(impl.apply(name));
    }
    if (Files.isRegularFile(dir.resolve(NotImplementedCorpus.CASES_FILE))) {
      return Optional.of(new NotImplementedCorpus(name));
    }
    if (Files.isDirectory(dir.resolve("cases"))) {
      return Optional.of(new ValidationCorpus(name));
    }
    return Optional.empty();
  }

  /** Discovers and runs every corpus under {@code root} (limited to {@code only} unless empty), in name order. */
  public static List<CorpusResult> runAll(Path root, List<String> only) throws IOException {
    List<CorpusResult> results = new ArrayList<>();
    for (Corpus corpus : discover(root, only)) {
      results.add(run(corpus, root.resolve(corpus.name())));
    }
    return results;
  }

  /** Runs one corpus; a folder that cannot be read, or a bug in the implementation, becomes an error line. */
  public static CorpusResult run(Corpus corpus, Path dir) {
    try {
      return corpus.run(dir);
    } catch (IOException | UncheckedIOException e) {
      return CorpusResult.error(corpus.name(), String.valueOf(e.getMessage()));
    } catch (RuntimeException e) {
      return CorpusResult.error(corpus.name(), e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
