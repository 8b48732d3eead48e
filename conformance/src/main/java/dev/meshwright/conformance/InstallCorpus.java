package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.cli.Meshctl;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code install/} corpus: runs the {@code profile} command cases, the {@code profile dump} golden
 * cases, the {@code manifest generate} golden cases ({@link ManifestGoldenCase}) and the assertion cases
 * ({@link InstallAssertions}) through {@code meshctl}. Cases that need an operator reconciler or a stamped
 * build count as failing. Stateless.
 */
final class InstallCorpus extends NamedCorpus {

  InstallCorpus(String name) {
    super(name);
  }

  @Override
  public CorpusResult run(Path dir) throws IOException {
    JsonNode root = caseTable(dir);
    int total = NotImplementedCorpus.countCases(dir.resolve(NotImplementedCorpus.CASES_FILE));
    List<String> failing = new ArrayList<>();
    Map<String, String> reasons = new LinkedHashMap<>();
    int passed = 0;
    for (Map.Entry<String, JsonNode> table : root.properties()) {
      if (!table.getKey().equals("cases") && !table.getKey().endsWith("_cases")) {
        continue;
      }
      for (JsonNode c : table.getValue()) {
        String id = c.path("id").asText("?");
        String reason = check(dir, c);
        if (reason.isEmpty()) {
          passed++;
        } else {
          failing.add(id);
          reasons.put(id, reason);
        }
      }
    }
    return CorpusResult.ran(name(), passed, total, failing, reasons);
  }

  /** Empty when the case passes, else why it failed. */
  static String check(Path dir, JsonNode c) {
    String command = c.path("command").asText();
    if (command.startsWith("profile dump") && c.has("golden")) {
      return dumpGolden(dir, c);
    }
    if (command.startsWith("profile ") && !c.has("golden")) {
      return profileCommand(dir, c);
    }
    if (command.equals("manifest generate") && c.has("golden")) {
      return ManifestGoldenCase.check(dir, c);
    }
    if (c.has("expect")) {
      return InstallAssertions.check(dir, c);
    }
    return "not implemented yet: " + command;
  }

  private static String profileCommand(Path dir, JsonNode c) {
    String[] words = c.path("command").asText().split(" ");
    List<String> args = new ArrayList<>(List.of(words[0], words[1]));
    c.path("args").forEach(a -> args.add(substitute(dir, a.asText())));
    for (JsonNode s : c.path("set_flags")) {
      String flag = substitute(dir, s.asText());
      if (flag.startsWith("installPackagePath=")) {
        args.add("--manifests");
        args.add(flag.substring("installPackagePath=".length()));
      } else {
        args.add("--set");
        args.add(flag);
      }
    }
    Run r = meshctl(args);
    boolean expectFailure = c.path("expect_failure").asBoolean(false);
    if (expectFailure != (r.code != 0)) {
      return "exit code " + r.code + (expectFailure ? ", expected a failure" : ": " + r.err.strip());
    }
    List<String> wanted = new ArrayList<>();
    if (c.has("output_contains")) {
      wanted.add(c.get("output_contains").asText());
    }
    c.path("output_contains_all").forEach(w -> wanted.add(w.asText()));
    for (String w : wanted) {
      if (!r.out.contains(w)) {
        return "output lacks '" + w + "'";
      }
    }
    if (c.has("output_not_contains") && r.out.contains(c.get("output_not_contains").asText())) {
      return "output contains '" + c.get("output_not_contains").asText() + "'";
    }
    return "";
  }

  private static String dumpGolden(Path dir, JsonNode c) {
    List<String> args = new ArrayList<>(List.of("profile", "dump"));
    for (JsonNode in : c.path("inputs")) {
      args.add("-f");
      args.add(dir.resolve(in.asText()).toString());
    }
    args.addAll(unstampedBuild(dir, c.path("inputs")));
    c.path("flags").forEach(f -> args.add(substitute(dir, f.asText())));
    Run r = meshctl(args);
    if (r.code != 0) {
      return "exit code " + r.code + ": " + r.err.strip();
    }
    Path golden = dir.resolve("profile-dump/goldens").resolve(c.path("golden").path("file").asText());
    String expected;
    try {
      expected = Files.readString(golden);
    } catch (IOException e) {
      return "cannot read golden " + golden;
    }
    if (golden.toString().endsWith(".txt")) {
      String actual = r.out.replaceAll("(?m)^installPackagePath=\".*\"\n", "");
      return actual.equals(expected) ? "" : "flags differ from golden";
    }
    try {
      JsonNode want = YAML.readTree(expected.replaceAll("  installPackagePath: .*", ""));
      JsonNode got = YAML.readTree(r.out.replaceAll("  installPackagePath: .*", ""));
      return want.equals(got) ? "" : "YAML differs from golden";
    } catch (IOException e) {
      return "unreadable YAML: " + e.getMessage();
    }
  }

  /** The hub and tag of Istio's unstamped test binary, which rendered every golden of this corpus. */
  static final List<String> UNSTAMPED = List.of("hub=gcr.io/istio-testing", "tag=latest");

  /**
   * {@code --set} flags giving the unstamped test build's hub and tag for what the case's {@code -f} files leave
   * unset: Meshwright is the released 1.22.8 (stamped {@code docker.io/istio}, {@code 1.22.8}), the goldens were
   * made by the unstamped test binary, so the runner passes that build's hub and tag as an input.
   */
  static List<String> unstampedBuild(Path dir, Iterable<JsonNode> inputs) {
    List<String> keys = new ArrayList<>(List.of("hub", "tag"));
    for (JsonNode in : inputs) {
      try {
        for (JsonNode doc : YAML.readerFor(JsonNode.class).readValues(Files.readString(dir.resolve(in.asText())))
            .readAll().stream().map(JsonNode.class::cast).toList()) {
          keys.removeIf(k -> !doc.path("spec").path(k).asText("").isEmpty());
        }
      } catch (IOException | RuntimeException e) {
        // an unreadable input fails the case on its own; nothing to learn from it here
      }
    }
    List<String> args = new ArrayList<>();
    for (String flag : UNSTAMPED) {
      if (keys.contains(flag.substring(0, flag.indexOf('=')))) {
        args.add("--set");
        args.add(flag);
      }
    }
    return args;
  }

  static String substitute(Path dir, String arg) {
    return arg.replace("${SNAPSHOT_MANIFESTS}", dir.resolve("snapshot").toString())
        .replace("${LIVE_MANIFESTS}", dir.toString());
  }

  record Run(int code, String out, String err) {}

  static Run meshctl(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Meshctl.run(args.toArray(String[]::new), InputStream.nullInputStream(),
        new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }
}
