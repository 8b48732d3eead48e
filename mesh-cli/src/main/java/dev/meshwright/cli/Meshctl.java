package dev.meshwright.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code meshctl} entry point. Exit codes: 0 success, 1 invalid input found, 2 usage error,
 * 3 unexpected failure (reported as one line, never a stack trace).
 */
@Command(
    name = "meshctl",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT, // every subcommand gets -h/--help and -V/--version
    versionProvider = VersionInfo.Provider.class,
    description = "Meshwright: Istio-compatible mesh tooling for the JVM.",
    subcommands = {VersionCommand.class, ValidateCommand.class, AnalyzeCommand.class, DemoCommand.class,
        ProfileCommand.class, ManifestCommand.class, InstallCommand.class, UninstallCommand.class,
        VerifyInstallCommand.class, KubeInjectCommand.class, ServeCommand.class, ProxyStatusCommand.class,
        ProxyConfigCommand.class,
        ExperimentalCommand.class})
public final class Meshctl implements Runnable {
  /** Exit code for an unexpected failure inside a command. */
  public static final int EXIT_FAILURE = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    CliLogging.configure();
    System.exit(run(args, System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs meshctl with explicit streams (used by tests and embedders); returns the exit code. */
  public static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine(stdin);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      commandLine.getErr().println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
      return EXIT_FAILURE;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The command tree, with {@code stdin} for the commands that read {@code -} (also walked by the reference generator). */
  static CommandLine commandLine(InputStream stdin) {
    return new CommandLine(new Meshctl(), new Factory(stdin));
  }

  /** Creates commands, handing standard input to those that read it. */
  private record Factory(InputStream stdin) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == ValidateCommand.class) {
        return cls.cast(new ValidateCommand(stdin));
      }
      if (cls == AnalyzeCommand.class) {
        return cls.cast(new AnalyzeCommand(stdin));
      }
      if (cls == KubeInjectCommand.class) {
        return cls.cast(new KubeInjectCommand(stdin));
      }
      if (cls == CheckInjectCommand.class) {
        return cls.cast(new CheckInjectCommand(stdin));
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }
}
