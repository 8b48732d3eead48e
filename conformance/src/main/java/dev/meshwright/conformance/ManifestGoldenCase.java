package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.install.render.ManifestDiff;
import dev.meshwright.install.render.ManifestYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One {@code manifest generate} golden case of the install corpus. The goldens were rendered from an older
 * chart snapshot (see the corpus README), so byte equality is not the bar: a case passes when the selected
 * object set (kind, namespace, name) equals the golden's and every Deployment, Service, HPA, PDB, webhook
 * configuration, service account and RBAC object is structurally equal (same YAML tree). ConfigMaps, CRDs and
 * DaemonSets are compared by presence only, and the few fields where the snapshot's charts and 1.22.8's
 * differ ({@link SnapshotDelta}) are left out on both sides. {@code -o DIR} is dropped (objects are read from stdout) and the
 * hidden template {@code --filter} is not modelled: the selection decides what is compared. Stateless.
 */
final class ManifestGoldenCase {
  /** Kinds whose content must equal the golden's. */
  static final Set<String> STRUCTURAL = Set.of("Deployment", "Service", "HorizontalPodAutoscaler",
      "PodDisruptionBudget", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "ServiceAccount",
      "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding");

  private ManifestGoldenCase() {}

  static String check(Path dir, JsonNode c) {
    List<String> args = new ArrayList<>(List.of("manifest", "generate"));
    for (JsonNode in : c.path("inputs")) {
      args.add("-f");
      args.add(dir.resolve(in.asText()).toString());
    }
    args.addAll(InstallCorpus.unstampedBuild(dir, c.path("inputs")));
    List<String> flags = new ArrayList<>();
    c.path("flags").forEach(f -> flags.add(InstallCorpus.substitute(dir, f.asText())));
    for (int i = 0; i < flags.size(); i++) {
      if (flags.get(i).equals("-o")) {
        i++;
      } else {
        args.add(flags.get(i));
      }
    }
    args.add("--set");
    args.add("installPackagePath=" + dir.resolve("snapshot"));
    InstallCorpus.Run r = InstallCorpus.meshctl(args);
    if (r.code() != 0) {
      return "exit code " + r.code() + ": " + r.err().strip();
    }
    Path golden = dir.resolve("goldens").resolve(c.path("golden").path("file").asText());
    List<ObjectNode> got;
    List<ObjectNode> want;
    try {
      got = ManifestYaml.read(r.out());
      want = ManifestYaml.read(Files.readString(golden));
    } catch (IOException e) {
      return "unreadable YAML: " + e.getMessage();
    }
    JsonNode select = c.path("compares").path("select");
    if (select.isTextual()) {
      got = select(got, select.asText());
    }
    SnapshotDelta.strip(got);
    SnapshotDelta.strip(want);
    return compare(got, want);
  }

  /** Empty when the object sets match and structural kinds are equal, else what differs. */
  static String compare(List<ObjectNode> got, List<ObjectNode> want) {
    Map<String, ObjectNode> g = index(got);
    Map<String, ObjectNode> w = index(want);
    if (!g.keySet().equals(w.keySet())) {
      List<String> extra = g.keySet().stream().filter(k -> !w.containsKey(k)).toList();
      List<String> missing = w.keySet().stream().filter(k -> !g.containsKey(k)).toList();
      return "object set differs: extra " + extra + ", missing " + missing;
    }
    List<ObjectNode> gs = new ArrayList<>();
    List<ObjectNode> ws = new ArrayList<>();
    g.forEach((k, o) -> {
      if (STRUCTURAL.contains(o.path("kind").asText())) {
        gs.add(o);
        ws.add(w.get(k));
      }
    });
    ManifestDiff diff = ManifestDiff.of(gs, ws);
    if (diff.identical()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("object set right, structure differs:");
    diff.changed().forEach((k, changes) -> sb.append(' ').append(k).append(" at ")
        .append(changes.stream().limit(3).map(ManifestDiff.FieldChange::path).toList()));
    return sb.toString();
  }

  /** The objects matching istioctl's comma-separated, unanchored {@code Kind:Namespace:Name} selection. */
  static List<ObjectNode> select(List<ObjectNode> objects, String selectors) {
    List<Pattern> patterns = new ArrayList<>();
    for (String s : selectors.split(",")) {
      List<String> parts = new ArrayList<>();
      for (String p : s.trim().split(":", -1)) {
        parts.add(p.isEmpty() || p.equals("*") ? ".*" : p);
      }
      patterns.add(Pattern.compile(String.join(":", parts)));
    }
    return objects.stream().filter(o -> patterns.stream().anyMatch(p -> p.matcher(ManifestDiff.key(o)).find()))
        .toList();
  }

  private static Map<String, ObjectNode> index(List<ObjectNode> objects) {
    Map<String, ObjectNode> m = new TreeMap<>();
    objects.forEach(o -> m.put(ManifestDiff.key(o), o));
    return m;
  }
}
