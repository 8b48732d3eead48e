package dev.meshwright.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.api.operator.IstioOperator;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The inputs of an install, assembled with istioctl's precedence: the default profile, then the named
 * profile, then the release hub and tag ({@link Release}, as a stamped istioctl writes them over the
 * profile's), then the {@code -f} files in order, then the {@code --set} flags (last wins). Bad input never
 * throws: {@link #assemble()} returns diagnostics naming the file or flag and the spec path. Immutable;
 * files and directories are read by the {@link Resolver} the edge supplies (this package does no I/O).
 *
 * @param profiles where profiles come from when no manifests directory is named
 * @param files the {@code -f} files, as (name, YAML text) pairs, in order
 * @param sets the {@code --set} flags, in order
 * @param manifests the {@code --manifests} directory, if any (its profiles replace the built-in ones)
 * @param resolver reads manifests directories and profile files named by path
 */
public record InstallInputs(ProfileSource profiles, List<NamedText> files, List<String> sets,
    Optional<String> manifests, Resolver resolver) {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  public InstallInputs {
    files = List.copyOf(files);
    sets = List.copyOf(sets);
  }

  /** A file's name (for messages) and text ({@code null} when it could not be read). @param name the name @param text the YAML text */
  public record NamedText(String name, String text) {}

  /** Reads what the inputs name by path; supplied by an edge such as the CLI. */
  public interface Resolver {
    /** The profiles of the manifests directory {@code path}, if it can be read. */
    Optional<ProfileSource> manifests(String path);

    /** The text of the file {@code path} (a profile given as a file), if it can be read. */
    Optional<String> readFile(String path);
  }

  /** A resolver that can read nothing: only built-in profiles and texts given directly work. */
  public static final Resolver NO_FILES = new Resolver() {
    @Override
    public Optional<ProfileSource> manifests(String path) {
      return Optional.empty();
    }

    @Override
    public Optional<String> readFile(String path) {
      return Optional.empty();
    }
  };

  /** Inputs with the built-in profiles and nothing else (the default profile). */
  public static InstallInputs of() {
    return new InstallInputs(ProfileSource.builtin(), List.of(), List.of(), Optional.empty(), NO_FILES);
  }

  /** These inputs plus a file's text ({@code null} text: unreadable, a diagnostic at assembly). */
  public InstallInputs withFile(String name, String text) {
    List<NamedText> more = new ArrayList<>(files);
    more.add(new NamedText(name, text));
    return new InstallInputs(profiles, more, sets, manifests, resolver);
  }

  /** These inputs plus one {@code --set} flag. */
  public InstallInputs withSet(String flag) {
    List<String> more = new ArrayList<>(sets);
    more.add(flag);
    return new InstallInputs(profiles, files, more, manifests, resolver);
  }

  /** These inputs with a manifests directory (alias of {@code --set installPackagePath=DIR}). */
  public InstallInputs withManifests(String dir) {
    return new InstallInputs(profiles, files, sets, Optional.of(dir), resolver);
  }

  /** These inputs reading paths with {@code value}. */
  public InstallInputs withResolver(Resolver value) {
    return new InstallInputs(profiles, files, sets, manifests, value);
  }

  /** The outcome: the spec when there was no error, and every diagnostic. */
  public record Assembly(Optional<InstallSpec> spec, List<Diagnostic> diagnostics) {
    public Assembly {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Assembles the inputs into one {@link InstallSpec}, or diagnostics. */
  public Assembly assemble() {
    List<Diagnostic> problems = new ArrayList<>();
    ObjectNode user = NODES.objectNode();
    for (NamedText f : files) {
      readSpec(f.name(), f.text(), problems).ifPresent(s -> user.setAll(IopMerge.merge(user, s)));
    }
    List<SetFlag> flags = new ArrayList<>();
    for (String s : sets) {
      SetFlag.Result r = SetFlag.parse(s);
      r.flag().ifPresent(flags::add);
      r.problem().ifPresent(problems::add);
    }
    String profile = user.path("profile").asText("");
    Optional<String> packagePath = manifests.or(() -> user.hasNonNull("installPackagePath")
        ? Optional.of(user.get("installPackagePath").asText()) : Optional.empty());
    for (SetFlag f : flags) {
      if (f.path().keysOnly().equals("profile")) {
        profile = f.value().asText();
      } else if (f.path().keysOnly().equals("installPackagePath")) {
        packagePath = Optional.of(f.value().asText());
      }
    }
    if (profile.equals("external")) {
      problems.add(new Diagnostic("--set", "profile",
          "the external profile has been removed, use the remote profile instead"));
    }
    ProfileSource source = profiles;
    if (packagePath.isPresent()) {
      Optional<ProfileSource> dir = resolver.manifests(packagePath.get());
      if (dir.isEmpty()) {
        problems.add(new Diagnostic("installPackagePath", "installPackagePath",
            "cannot read profiles from " + packagePath.get()));
      }
      source = dir.orElse(profiles);
    }
    ObjectNode base = loadProfile(source, "default", problems).orElse(NODES.objectNode());
    String name = profile.isEmpty() ? "default" : profile;
    if (!name.equals("default") && !name.endsWith("/default.yaml")) {
      loadProfile(source, name, problems).ifPresent(p -> base.setAll(IopMerge.merge(base, p)));
    }
    base.put("hub", Release.HUB);
    base.put("tag", Release.TAG);
    for (SetFlag f : flags) {
      f.apply(user, base).ifPresent(problems::add);
    }
    LegacyValues.copyPilot(user);
    copyGatewayEnablement(user);
    ObjectNode merged = IopMerge.merge(base, user);
    packagePath.ifPresent(p -> merged.put("installPackagePath", p));
    if (merged.path("profile").asText("").isEmpty()) {
      merged.put("profile", "default");
    }
    if (!problems.isEmpty()) {
      return new Assembly(Optional.empty(), problems);
    }
    ObjectNode doc = NODES.objectNode();
    doc.put("apiVersion", "install.istio.io/v1alpha1");
    doc.put("kind", "IstioOperator");
    doc.set("spec", merged);
    String json;
    try {
      json = MeshJackson.json().writeValueAsString(doc);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ReadResult read = MeshYaml.read("merged IstioOperator", json);
    read.diagnostics().forEach(d -> problems.add(new Diagnostic("merged IstioOperator", "", d.toString())));
    Optional<IstioOperator> op = read.resources().stream().filter(IstioOperator.class::isInstance)
        .map(IstioOperator.class::cast).findFirst();
    if (op.isEmpty() || read.hasErrors()) {
      if (op.isEmpty() && problems.isEmpty()) {
        problems.add(new Diagnostic("merged IstioOperator", "", "could not be read as an IstioOperator"));
      }
      return new Assembly(Optional.empty(), problems);
    }
    return new Assembly(Optional.of(new InstallSpec(op.get(), merged)), problems);
  }

  private Optional<ObjectNode> loadProfile(ProfileSource source, String name, List<Diagnostic> problems) {
    Optional<String> text;
    String label = "profile " + name;
    if (name.contains("/") || name.endsWith(".yaml")) {
      text = resolver.readFile(name);
    } else {
      text = source.read(name);
    }
    if (text.isEmpty()) {
      problems.add(new Diagnostic(label, "profile", "unknown profile " + name + " (in " + source.describe()
          + "; known: " + String.join(", ", source.names()) + ")"));
      return Optional.empty();
    }
    return readSpec(label, text.get(), problems);
  }

  /** The {@code spec} of the one IstioOperator document in {@code text}; problems for anything else. */
  static Optional<ObjectNode> readSpec(String name, String text, List<Diagnostic> problems) {
    if (text == null) {
      problems.add(new Diagnostic(name, "", "cannot read file"));
      return Optional.empty();
    }
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNextValue()) {
        JsonNode d = it.nextValue();
        if (d != null && !d.isNull() && !d.isMissingNode()) {
          docs.add(d);
        }
      }
    } catch (IOException | RuntimeException e) {
      problems.add(new Diagnostic(name, "", "not valid YAML: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
      return Optional.empty();
    }
    List<JsonNode> iops = docs.stream().filter(d -> d.path("kind").asText().equals("IstioOperator")).toList();
    if (iops.size() > 1) {
      problems.add(new Diagnostic(name, "", name + " contains multiple IstioOperator CRs, only one per file is supported"));
      return Optional.empty();
    }
    if (iops.isEmpty()) {
      if (docs.isEmpty()) {
        return Optional.of(NODES.objectNode());
      }
      problems.add(new Diagnostic(name, "kind", "not an IstioOperator"));
      return Optional.empty();
    }
    JsonNode spec = iops.get(0).get("spec");
    if (spec == null || spec.isNull()) {
      return Optional.of(NODES.objectNode());
    }
    if (!(spec instanceof ObjectNode o)) {
      problems.add(new Diagnostic(name, "spec", "must be a mapping"));
      return Optional.empty();
    }
    if (o.has("values") && !o.get("values").isObject() && !o.get("values").isNull()) {
      problems.add(new Diagnostic(name, "spec.values", "must be a mapping"));
      return Optional.empty();
    }
    if (o.has("values") && o.get("values").isNull()) {
      o.remove("values");
    }
    return Optional.of(o);
  }

  /** Copies user {@code values.gateways.istio-*gateway.enabled} to the matching gateway component. */
  private static void copyGatewayEnablement(ObjectNode user) {
    for (String kind : List.of("ingress", "egress")) {
      String gw = "istio-" + kind + "gateway";
      JsonNode enabled = user.path("values").path("gateways").path(gw).get("enabled");
      if (enabled == null || !enabled.isBoolean()) {
        continue;
      }
      SetFlag flag = new SetFlag("", TreePath.parse("components." + kind + "Gateways[name:" + gw + "].enabled")
          .orElseThrow(), enabled);
      ObjectNode seed = NODES.objectNode();
      seed.putObject("components").putArray(kind + "Gateways").addObject().put("name", gw);
      flag.apply(user, seed);
    }
  }
}
