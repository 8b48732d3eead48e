package dev.meshwright.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/**
 * Generates {@code docs/meshctl-reference.md} from picocli's model of {@code meshctl}: every command and
 * subcommand, depth first in declaration order, with its description and usage help (options, parameters,
 * subcommands) exactly as {@code meshctl ... --help} prints it at 100 columns. {@link MeshctlReferenceTest}
 * fails when the committed file differs; regenerate it with
 * {@code ./mvnw -q -o -pl mesh-cli test -Dtest=MeshctlReferenceTest -Dgolden.update=true}.
 */
final class MeshctlReference {
  /** Where the reference lives, from mesh-cli's directory (surefire's working directory). */
  static final Path FILE = Path.of("..", "docs", "meshctl-reference.md");

  private static final int WIDTH = 100;

  private MeshctlReference() {}

  /** The whole reference as Markdown. */
  static String render() {
    CommandLine root = Meshctl.commandLine(new ByteArrayInputStream(new byte[0]));
    StringBuilder index = new StringBuilder();
    StringBuilder sections = new StringBuilder();
    walk(root, index, sections);
    return "# meshctl reference\n\n"
        + "<!-- Generated from the picocli command tree by mesh-cli's MeshctlReferenceTest; do not edit.\n"
        + "     Regenerate: ./mvnw -q -o -pl mesh-cli test -Dtest=MeshctlReferenceTest -Dgolden.update=true -->\n\n"
        + "Every command takes `-h`/`--help`. Output goes to stdout, diagnostics to stderr. Exit codes: 0 success,\n"
        + "1 invalid input found, 2 usage error, 3 unexpected failure (`analyze`: 79 when a message reaches the\n"
        + "failure threshold).\n\n"
        + index + "\n" + sections;
  }

  private static void walk(CommandLine command, StringBuilder index, StringBuilder sections) {
    CommandLine.Model.CommandSpec spec = command.getCommandSpec();
    spec.usageMessage().autoWidth(false).width(WIDTH);
    String path = spec.qualifiedName(" ");
    String description = String.join(" ", spec.usageMessage().description());
    String indent = "  ".repeat(Math.max(0, path.split(" ").length - 2));
    if (spec.parent() != null) {
      index.append(indent).append("- [`").append(path).append("`](#").append(anchor(path)).append("): ")
          .append(description).append('\n');
    }
    sections.append(spec.parent() == null ? "## " : "### ").append('`').append(path).append("`\n\n")
        .append(description).append("\n\n```text\n")
        .append(command.getUsageMessage(Help.Ansi.OFF).stripTrailing()).append("\n```\n\n");
    for (CommandLine sub : new LinkedHashSet<>(command.getSubcommands().values())) { // aliases map to the same command
      walk(sub, index, sections);
    }
  }

  /** GitHub's heading anchor for {@code `path`}: lower case, spaces to dashes, punctuation dropped. */
  private static String anchor(String path) {
    return path.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
  }

  /** Writes the reference (the test does the same with {@code -Dgolden.update=true}). */
  public static void main(String[] args) throws IOException {
    Files.writeString(args.length > 0 ? Path.of(args[0]) : FILE, render(), StandardCharsets.UTF_8);
  }
}
