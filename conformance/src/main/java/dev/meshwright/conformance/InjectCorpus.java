package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshConfigYaml;
import dev.meshwright.inject.InjectionException;
import dev.meshwright.inject.InjectionFeatures;
import dev.meshwright.inject.InjectionSettings;
import dev.meshwright.inject.InjectorValues;
import dev.meshwright.inject.KubeInject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code inject/} corpus (Istio's {@code TestInjection} cases) run through {@link KubeInject}: each case's
 * values file, mesh file (over Istio's defaults; chart defaults when a case names no files) plus its {@code mesh} overrides and {@code env} switches make the
 * settings; kube-inject runs on the input with no revision. A case with a golden passes when the output equals
 * it structurally ({@link InjectNormalizer}: documents in order, key order ignored, JSON-bearing strings compared
 * as parsed JSON, Go serialisation artefacts normalised on both sides) and, when it expects a log line, a warning
 * contains it; an error case passes when injection fails with the expected text. Webhook-only cases
 * ({@code skipInjection}) run the upstream test's webhook path instead ({@link InjectWebhookCase}). Stateless.
 */
final class InjectCorpus extends NamedCorpus {
  InjectCorpus(String name) {
    super(name);
  }

  @Override
  public CorpusResult run(Path dir) throws IOException {
    JsonNode cases = cases(dir);
    Path casesDir = dir.resolve("cases");
    List<JsonNode> viaWebhook = new ArrayList<>();
    for (JsonNode c : cases) {
      String want = c.path("want").asText("");
      if (!c.path("skipWebhook").asBoolean(false) && c.path("expectedError").asText("").isEmpty()
          && !want.isEmpty() && Files.exists(casesDir.resolve(want))) {
        viaWebhook.add(c);
      }
    }
    return tally(name(), cases, InjectCorpus::caseName, c -> check(casesDir, c))
        .withExtraLines(List.of(tally(name() + "-webhook", viaWebhook, InjectCorpus::caseName,
            c -> webhook(casesDir, c))));
  }

  private static String caseName(JsonNode c) {
    return c.path("name").asText("case " + c.path("index").asText());
  }

  /**
   * The {@code inject-webhook} line's check, for every case the upstream test also sends through the webhook
   * (not {@code skipWebhook}, not an error case, with a golden): {@link InjectWebhookCase} must give the
   * golden's pods, i.e. the webhook's patch applied to each bare pod.
   */
  private static Optional<String> webhook(Path casesDir, JsonNode c) throws IOException {
    try {
      return InjectWebhookCase.check(Files.readString(casesDir.resolve(c.path("in").asText())),
          Files.readString(casesDir.resolve(c.path("want").asText())), settings(casesDir, c),
          c.path("env").path("PLATFORM").asText("").equals("openshift"));
    } catch (IllegalArgumentException e) {
      return Optional.of("settings not readable: " + e.getMessage());
    }
  }

  /** Why the case fails, or empty when it passes. */
  static Optional<String> check(Path casesDir, JsonNode c) throws IOException {
    InjectionSettings settings;
    try {
      settings = settings(casesDir, c);
    } catch (IllegalArgumentException e) {
      return Optional.of("settings not readable: " + e.getMessage());
    }
    String in = c.path("in").asText("");
    String want = c.path("want").asText("");
    if (c.path("skipInjection").asBoolean(false)) {
      if (want.isEmpty() || !Files.exists(casesDir.resolve(want))) {
        return Optional.of("webhook-only case without a golden");
      }
      return InjectWebhookCase.check(Files.readString(casesDir.resolve(in)), Files.readString(casesDir.resolve(want)),
          settings, c.path("env").path("PLATFORM").asText("").equals("openshift"));
    }
    String expectedError = c.path("expectedError").asText("");
    KubeInject.Output out;
    try {
      out = KubeInject.inject(in, Files.readString(casesDir.resolve(in)), settings);
    } catch (InjectionException e) {
      if (!expectedError.isEmpty() && e.getMessage().toLowerCase(Locale.ROOT).contains(expectedError)) {
        return Optional.empty();
      }
      return Optional.of("injection failed: " + e.getMessage());
    }
    if (!expectedError.isEmpty()) {
      return Optional.of("expected an error containing '" + expectedError + "', injection succeeded");
    }
    String log = c.path("expectedLog").asText("");
    if (!log.isEmpty() && out.warnings().stream().noneMatch(w -> w.contains(log))) {
      return Optional.of("no warning contains '" + log + "'; got " + out.warnings());
    }
    if (want.isEmpty()) {
      return Optional.of("case has no golden");
    }
    List<JsonNode> got = InjectNormalizer.documents(out.yaml());
    List<JsonNode> golden = InjectNormalizer.documents(Files.readString(casesDir.resolve(want)));
    if (got.size() != golden.size()) {
      return Optional.of("output has " + got.size() + " documents, golden " + want + " has " + golden.size());
    }
    for (int i = 0; i < got.size(); i++) {
      if (!got.get(i).equals(golden.get(i))) {
        return Optional.of("document " + (i + 1) + " differs from the golden " + want + ": "
            + JsonDiffText.firstDifference(golden.get(i), got.get(i)));
      }
    }
    return Optional.empty();
  }

  /** The case's values, mesh (file over defaults, then overrides) and feature switches. */
  static InjectionSettings settings(Path casesDir, JsonNode c) throws IOException {
    JsonNode files = c.path("files");
    String valuesFile = files.path("values").path("file").asText("default.values.gen.yaml");
    String meshFile = files.path("mesh").path("file").asText("default.mesh.gen.yaml");
    InjectorValues values = Files.exists(casesDir.resolve(valuesFile))
        ? InjectorValues.of(MeshJackson.json().readTree(Files.readString(casesDir.resolve(valuesFile))))
        : InjectorValues.defaults();
    String meshText = Files.exists(casesDir.resolve(meshFile)) ? Files.readString(casesDir.resolve(meshFile)) : "";
    MeshConfigs.Result mesh = MeshConfigYaml.load(meshFile, meshText);
    if (mesh.meshConfig().isEmpty() || mesh.hasErrors()) {
      throw new IllegalArgumentException(meshFile + ": " + errors(mesh.diagnostics()));
    }
    MeshConfig effective = mesh.meshConfig().get();
    JsonNode overrides = c.path("mesh");
    if (overrides.isObject() && !overrides.isEmpty()) {
      MeshConfigs.Result o = MeshConfigYaml.read("mesh overrides", MeshJackson.yaml().writeValueAsString(overrides));
      if (o.meshConfig().isEmpty() || o.hasErrors()) {
        throw new IllegalArgumentException("mesh overrides: " + errors(o.diagnostics()));
      }
      effective = MeshConfigs.merge(effective, o.meshConfig().get());
    }
    InjectionFeatures features = InjectionFeatures.defaults();
    if (c.path("env").path("ENABLE_NATIVE_SIDECARS").asText("").equals("true")) {
      features = features.withNativeSidecars();
    }
    return InjectionSettings.defaults().withValues(values).withMesh(effective).withFeatures(features);
  }

  private static String errors(List<Diagnostic> diagnostics) {
    return String.join("; ", diagnostics.stream().filter(Diagnostic::isError).map(Diagnostic::format).toList());
  }
}
