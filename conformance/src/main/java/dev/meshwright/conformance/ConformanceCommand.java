package dev.meshwright.conformance;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bin/conformance}: runs every corpus under the corpus root and prints one
 * {@code corpus: passed/total} line per corpus line.
 *
 * <p>The corpus root is {@code --corpus-root}, else the system property {@code meshwright.corpus}, else
 * {@code meshwright.corpus.default} (set by the launcher to {@code ../shared/conformance/istio-1.22} next
 * to the repository), else that path relative to the working directory. A missing root is skipped with a
 * message. Exit codes: 0 when the run completed (failing cases and unreadable corpora are reported, not
 * fatal), 1 when {@code --check-baseline} finds a count below its minimum, 2 for a usage or I/O error of
 * the runner itself.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true, version = "Meshwright conformance runner (Istio 1.22.8 corpora)",
    description = "Runs the Istio 1.22 conformance corpora against Meshwright.")
public final class ConformanceCommand implements Callable<Integer> {
  /** Exit code when a count fell below the baseline. */
  public static final int RATCHET_FAILED = 1;

  /** Exit code when the runner itself failed (bad arguments, unreadable root, unwritable output). */
  public static final int RUNNER_ERROR = 2;

  private static final String DEFAULT_ROOT = "../shared/conformance/istio-1.22";

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--corpus-root", paramLabel = "DIR", description = "Folder holding the corpus folders.")
  Path corpusRoot;

  @Option(names = "--only", split = ",", paramLabel = "NAME", description = "Run only these corpora (folder names).")
  List<String> only = List.of();

  @Option(names = "--json", paramLabel = "OUT", description = "Also write the results as JSON to OUT.")
  Path json;

  @Option(names = "--check-baseline", paramLabel = "FILE", description = "Exit 1 when a count is below FILE's minimum.")
  Path checkBaseline;

  @Option(names = "--write-baseline", paramLabel = "FILE", description = "Raise FILE's minimums to this run's counts.")
  Path writeBaseline;

  @Option(names = {"-v", "--verbose"}, description = "List every failing case with the reason.")
  boolean verbose;

  /** Runs the command with {@code args} and exits with its code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** A picocli command line for this command whose runner failures exit with {@link #RUNNER_ERROR}. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new ConformanceCommand());
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println("conformance: error: " + e.getMessage());
      line.getErr().flush();
      return RUNNER_ERROR;
    });
    return cl;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path root = root();
    if (!Files.isDirectory(root)) {
      out.println("conformance: corpus root " + root + " not found; skipping (use --corpus-root DIR)");
      out.flush();
      return 0;
    }
    List<CorpusResult> results = Corpora.runAll(root, only);
    for (String name : only) {
      if (results.stream().noneMatch(r -> r.name().equals(name))) {
        out.println("conformance: no corpus folder named " + name + " under " + root);
      }
    }
    for (CorpusResult r : results) {
      out.println(r.summary());
      if (verbose) {
        r.lines().forEach(l -> l.failing().forEach(c -> out.println("  FAIL " + l.name() + " " + c + ": "
            + l.reasons().getOrDefault(c, ""))));
      }
    }
    if (json != null) {
      JsonReport.write(results, json);
    }
    if (writeBaseline != null) {
      Baseline.read(writeBaseline).raisedTo(results).write(writeBaseline);
      out.println("conformance: baseline " + writeBaseline + " updated");
    }
    int code = 0;
    if (checkBaseline != null) {
      List<String> regressions = Baseline.read(checkBaseline).regressions(results);
      regressions.forEach(m -> out.println("below baseline: " + m));
      code = regressions.isEmpty() ? 0 : RATCHET_FAILED;
    }
    out.flush();
    return code;
  }

  private Path root() {
    if (corpusRoot != null) {
      return corpusRoot.toAbsolutePath().normalize();
    }
    String fromProperty = System.getProperty("meshwright.corpus",
        System.getProperty("meshwright.corpus.default", DEFAULT_ROOT));
    return Path.of(fromProperty).toAbsolutePath().normalize();
  }
}
