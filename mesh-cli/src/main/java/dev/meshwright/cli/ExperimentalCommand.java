package dev.meshwright.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code meshctl x}: experimental commands, as {@code istioctl x} groups them. */
@Command(name = "x", aliases = "experimental", description = "Experimental commands.",
    subcommands = {CheckInjectCommand.class, TranslateCommand.class, HelmTemplateCommand.class,
        PrecheckCommand.class, OperatorCommand.class, SnapshotCommand.class, AuthzCommand.class,
        BootstrapCommand.class})
final class ExperimentalCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
