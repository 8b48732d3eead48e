package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.install.SetFlag;
import dev.meshwright.install.TreePath;
import dev.meshwright.install.render.ManifestYaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code manifest generate} assertion cases of the install corpus: runs meshctl with the case's inputs
 * and flags (charts per {@code chart_source}) and checks each expectation: object paths ({@code equals},
 * {@code contains}, {@code matches_regex}, optionally inside a named container), counts, presence, totals,
 * errors, determinism, equal outputs of alternative flags, trailing whitespace and binding-to-role
 * references. Expectations it does not model (operator reconcile, build stamps, webhook selection matrices,
 * cross-revision selector checks) fail the case with a reason. Stateless.
 */
final class InstallAssertions {
  private InstallAssertions() {}

  static String check(Path dir, JsonNode c) {
    if (!c.path("scope").asText().equals("manifest generate") || c.path("command").asText().contains("reconcile")) {
      return "not implemented: " + c.path("command").asText() + " (" + c.path("scope").asText() + ")";
    }
    if (c.path("expect").has("webhook_sources")) {
      return InstallSelectorChecks.webhookMatrix(c.get("expect"), source -> webhookSource(dir, c, source));
    }
    JsonNode flags = c.path("flags");
    boolean alternatives = flags.size() > 0 && flags.get(0).isArray();
    List<List<String>> runs = new ArrayList<>();
    if (alternatives) {
      flags.forEach(f -> runs.add(args(dir, c, f)));
    } else {
      runs.add(args(dir, c, flags));
    }
    List<InstallCorpus.Run> results = runs.stream().map(InstallCorpus::meshctl).toList();
    InstallCorpus.Run first = results.get(0);
    for (JsonNode e : c.path("expect")) {
      String problem = expectation(e, first, results, runs);
      if (!problem.isEmpty()) {
        return problem;
      }
    }
    return "";
  }

  private static Optional<ObjectNode> webhookSource(Path dir, JsonNode c, JsonNode source) {
    if (source.get("literal") instanceof ObjectNode literal) {
      return Optional.of(literal);
    }
    String[] kindName = source.path("object").asText().split(" ", 2);
    InstallCorpus.Run run = InstallCorpus.meshctl(args(dir, c, source.path("flags")));
    return InstallSelectorChecks.objects(run).flatMap(objects -> objects.stream()
        .filter(o -> o.path("kind").asText().equals(kindName[0])
            && kindName.length > 1 && o.path("metadata").path("name").asText().equals(kindName[1]))
        .findFirst());
  }

  private static List<String> args(Path dir, JsonNode c, JsonNode flags) {
    List<String> args = new ArrayList<>(List.of("manifest", "generate"));
    for (JsonNode in : c.path("inputs")) {
      if (!in.asText().startsWith("then ")) {
        args.add("-f");
        args.add(dir.resolve(in.asText()).toString());
      }
    }
    List<JsonNode> files = new ArrayList<>();
    c.path("inputs").forEach(in -> {
      if (!in.asText().startsWith("then ")) {
        files.add(in);
      }
    });
    args.addAll(InstallCorpus.unstampedBuild(dir, files));
    flags.forEach(f -> args.add(InstallCorpus.substitute(dir, f.asText())));
    args.add("--set");
    args.add("installPackagePath=" + (c.path("chart_source").asText().equals("snapshot") ? dir.resolve("snapshot") : dir));
    return args;
  }

  private static String expectation(JsonNode e, InstallCorpus.Run run, List<InstallCorpus.Run> all,
      List<List<String>> runs) {
    if (e.has("expect_error_contains")) {
      String want = e.get("expect_error_contains").asText();
      return run.code() != 0 && run.err().contains(want) ? "" : "expected an error containing '" + want + "'";
    }
    if (e.has("must_not_crash")) {
      return run.code() == dev.meshwright.cli.Meshctl.EXIT_FAILURE ? "crashed: " + run.err().strip() : "";
    }
    if (run.code() != 0) {
      return "exit code " + run.code() + ": " + run.err().strip();
    }
    if (e.has("expect_error")) {
      return "";
    }
    if (e.has("deterministic")) {
      InstallCorpus.Run again = InstallCorpus.meshctl(runs.get(0));
      return again.out().equals(run.out()) ? "" : "two runs differ";
    }
    if (e.has("equal_outputs")) {
      return all.stream().allMatch(r -> r.out().equals(run.out())) ? "" : "alternative flags give different output";
    }
    if (e.has("no_line_ends_with_space")) {
      return run.out().lines().anyMatch(l -> l.endsWith(" ")) ? "a line ends with a space" : "";
    }
    List<ObjectNode> objects;
    try {
      objects = ManifestYaml.read(run.out());
    } catch (IOException ex) {
      return "unreadable output: " + ex.getMessage();
    }
    if (e.has("total_objects")) {
      return objects.size() == e.get("total_objects").asInt() ? "" : "total " + objects.size();
    }
    if (e.has("present") || e.has("absent")) {
      boolean present = e.has("present");
      boolean found = !matching(objects, e.path(present ? "present" : "absent")).isEmpty();
      return found == present ? "" : (present ? "missing " : "unexpected ") + e.path(present ? "present" : "absent");
    }
    if (e.has("count")) {
      int n = matching(objects, e.get("count")).size();
      return n == e.path("equals").asInt() ? "" : "count of " + e.get("count") + " is " + n;
    }
    if (e.has("each")) {
      for (ObjectNode o : matching(objects, e.get("each"))) {
        String p = value(o, e, "");
        if (!p.isEmpty()) {
          return p;
        }
      }
      return "";
    }
    if (e.has("object")) {
      List<ObjectNode> found = matching(objects, e.get("object"));
      if (found.isEmpty()) {
        return "missing " + e.get("object");
      }
      return value(found.get(0), e, e.path("container").asText(""));
    }
    if (e.has("referential_integrity")) {
      int n = e.get("referential_integrity").path("run").asInt();
      Optional<List<ObjectNode>> of = InstallSelectorChecks.objects(all.get(n));
      return of.isEmpty() ? "unreadable output of run " + n
          : InstallSelectorChecks.referentialIntegrity(e.get("referential_integrity"), of.get());
    }
    if (e.has("referential_integrity_means")) {
      return "";
    }
    if (e.has("cross_revision")) {
      Optional<List<ObjectNode>> defaults = InstallSelectorChecks.objects(all.get(0));
      Optional<List<ObjectNode>> canary = InstallSelectorChecks.objects(all.get(all.size() - 1));
      return defaults.isEmpty() || canary.isEmpty() ? "unreadable output"
          : InstallSelectorChecks.crossRevision(defaults.get(), canary.get());
    }
    if (e.has("referential")) {
      return referential(objects, e.get("referential").asText());
    }
    return "not implemented: expectation " + e;
  }

  private static String value(ObjectNode o, JsonNode e, String container) {
    JsonNode root = o;
    if (!container.isEmpty()) {
      root = null;
      for (JsonNode ct : o.path("spec").path("template").path("spec").path("containers")) {
        if (ct.path("name").asText().equals(container)) {
          root = ct;
        }
      }
      if (root == null) {
        return "no container " + container + " in " + o.path("metadata").path("name").asText();
      }
    }
    Optional<JsonNode> at = at(root, e.path("path").asText());
    String where = o.path("kind").asText() + " " + o.path("metadata").path("name").asText() + " " + e.path("path").asText();
    if (at.isEmpty()) {
      return "nothing at " + where;
    }
    JsonNode actual = at.get();
    if (e.has("equals")) {
      JsonNode want = e.get("equals");
      boolean same = want.isValueNode() ? want.asText().equals(actual.asText()) && actual.isValueNode() : want.equals(actual);
      return same ? "" : where + " is " + actual + ", expected " + want;
    }
    if (e.has("contains")) {
      for (Map.Entry<String, JsonNode> w : e.get("contains").properties()) {
        if (!actual.has(w.getKey()) || !actual.get(w.getKey()).asText().equals(w.getValue().asText())) {
          return where + " lacks " + w.getKey() + "=" + w.getValue();
        }
      }
      return "";
    }
    if (e.has("matches_regex")) {
      return Pattern.compile(e.get("matches_regex").asText(), Pattern.DOTALL).matcher(actual.asText()).matches()
          ? "" : where + " does not match " + e.get("matches_regex").asText();
    }
    return "not implemented: expectation " + e;
  }

  private static Optional<JsonNode> at(JsonNode root, String path) {
    Optional<TreePath> p = TreePath.parse("_." + path.replace(".[", "["));
    if (p.isEmpty()) {
      return Optional.empty();
    }
    List<TreePath.Step> steps = p.get().steps();
    return SetFlag.get(root, new TreePath(steps.subList(1, steps.size())));
  }

  private static List<ObjectNode> matching(List<ObjectNode> objects, JsonNode filter) {
    return objects.stream().filter(o -> {
      if (filter.has("kind") && !o.path("kind").asText().equals(filter.get("kind").asText())) {
        return false;
      }
      String name = o.path("metadata").path("name").asText();
      if (filter.has("name") && !name.equals(filter.get("name").asText())) {
        return false;
      }
      if (filter.has("name_regex") && !name.matches(filter.get("name_regex").asText())) {
        return false;
      }
      if (filter.has("label")) {
        String[] kv = filter.get("label").asText().split("=", 2);
        return o.path("metadata").path("labels").path(kv[0]).asText("\0").equals(kv.length > 1 ? kv[1] : "");
      }
      return true;
    }).toList();
  }

  private static String referential(List<ObjectNode> objects, String text) {
    String binding = text.contains("ClusterRoleBinding") ? "ClusterRoleBinding" : "RoleBinding";
    String role = binding.equals("ClusterRoleBinding") ? "ClusterRole" : "Role";
    Set<String> roles = objects.stream().filter(o -> o.path("kind").asText().equals(role))
        .map(o -> o.path("metadata").path("name").asText()).collect(Collectors.toSet());
    for (ObjectNode b : objects) {
      if (b.path("kind").asText().equals(binding) && !roles.contains(b.path("roleRef").path("name").asText())) {
        return binding + " " + b.path("metadata").path("name").asText() + " names a missing " + role;
      }
    }
    return "";
  }
}
