package dev.meshwright.inject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.inject.InjectionOptions.Policy;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InjectorConfigReaderTest {
  private static final InjectionOptions BASE = InjectionOptions.defaults();

  @Test
  void readsTheConfigKey() {
    String config = """
        policy: disabled
        defaultTemplates: [sidecar, custom]
        injectedAnnotations:
          example.com/injected: "yes"
        neverInjectSelector:
        - matchExpressions:
          - {key: openshift.io/build.name, operator: Exists}
        alwaysInjectSelector:
        - matchLabels: {tier: web}
        template: "ignored here"
        """;
    InjectorConfigReader.Result r = InjectorConfigReader.readConfig(config, BASE);
    assertThat(r.problems()).isEmpty();
    assertThat(r.ok()).isTrue();
    InjectionOptions o = r.options();
    assertThat(o.policy()).isEqualTo(Policy.DISABLED);
    assertThat(o.defaultTemplates()).containsExactly("sidecar", "custom");
    assertThat(o.injectedAnnotations()).isEqualTo(Map.of("example.com/injected", "yes"));
    assertThat(o.neverInjectSelector()).singleElement().hasToString("openshift.io/build.name");
    assertThat(o.alwaysInjectSelector()).singleElement().hasToString("tier=web");
  }

  @Test
  void readsValues() {
    String values = """
        {"revision": "canary", "global": {"proxy": {"autoInject": "disabled"}},
         "sidecarInjectorWebhook": {"alwaysInjectSelector": [{"matchLabels": {"a": "b"}}],
           "neverInjectSelector": [], "defaultTemplates": [], "injectedAnnotations": {}}}
        """;
    InjectorConfigReader.Result r = InjectorConfigReader.readValues(values, BASE);
    assertThat(r.problems()).isEmpty();
    assertThat(r.options().revision()).isEqualTo("canary");
    assertThat(r.options().revisionOrDefault()).isEqualTo("canary");
    assertThat(r.options().policy()).isEqualTo(Policy.DISABLED);
    assertThat(r.options().alwaysInjectSelector()).hasSize(1);
    assertThat(r.options().defaultTemplates()).as("empty list keeps the default").containsExactly("sidecar");
  }

  static Stream<Arguments> badConfig() {
    return Stream.of(
        Arguments.of("policy: sometimes", "policy: must be one of [disabled, enabled], got \"sometimes\""),
        Arguments.of("[1, 2]", "config: must be a mapping"),
        Arguments.of("policy: [unclosed", "config: not valid YAML or JSON"),
        Arguments.of("neverInjectSelector: {a: b}", "neverInjectSelector: must be a list of label selectors"),
        Arguments.of("neverInjectSelector: [x]", "neverInjectSelector[0]: must be a label selector"),
        Arguments.of("alwaysInjectSelector: [{matchExpressions: [{key: a, operator: Has}]}]",
            "alwaysInjectSelector[0].matchExpressions[0].operator: must be one of In, NotIn, Exists, DoesNotExist"),
        Arguments.of("alwaysInjectSelector: [{matchExpressions: [{key: a, operator: In}]}]",
            "alwaysInjectSelector[0].matchExpressions[0].values: must be non-empty for operator In"),
        Arguments.of("alwaysInjectSelector: [{matchExpressions: [{key: a, operator: Exists, values: [x]}]}]",
            "values: must be empty for operator Exists"),
        Arguments.of("alwaysInjectSelector: [{matchExpressions: [{operator: Exists}]}]",
            "matchExpressions[0].key: required"),
        Arguments.of("alwaysInjectSelector: [{matchLabel: {a: b}}]", "alwaysInjectSelector[0].matchLabel: unknown field"),
        Arguments.of("alwaysInjectSelector: [{matchLabels: {a: {b: c}}}]", "matchLabels.a: must be a string"),
        Arguments.of("defaultTemplates: sidecar", "defaultTemplates: must be a list of template names"),
        Arguments.of("defaultTemplates: [{a: b}]", "defaultTemplates[0]: must be a string"),
        Arguments.of("injectedAnnotations: [a]", "injectedAnnotations: must be a mapping of strings"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void badConfig(String config, String problem) {
    InjectorConfigReader.Result r = InjectorConfigReader.readConfig(config, BASE);
    assertThat(r.ok()).isFalse();
    assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains(problem));
  }

  @Test
  void invalidSelectorIsDroppedOthersKept() {
    InjectorConfigReader.Result r = InjectorConfigReader.readConfig("""
        neverInjectSelector:
        - matchExpressions: [{key: a, operator: Bogus}]
        - matchLabels: {tier: db}
        """, BASE);
    assertThat(r.problems()).hasSize(1);
    assertThat(r.options().neverInjectSelector()).singleElement().hasToString("tier=db");
  }

  @Test
  void badValuesKeepTheBase() {
    assertThat(InjectorConfigReader.readValues("{\"sidecarInjectorWebhook\": 3}", BASE).problems())
        .containsExactly("sidecarInjectorWebhook: must be a mapping");
    assertThat(InjectorConfigReader.readValues("{\"revision\": [1]}", BASE).problems())
        .containsExactly("revision: must be a string");
    InjectorConfigReader.Result r = InjectorConfigReader.readValues("{not json", BASE);
    assertThat(r.problems()).singleElement().asString().startsWith("values: not valid YAML or JSON");
    assertThat(r.options()).isEqualTo(BASE);
    assertThat(InjectorConfigReader.readValues("", BASE).options()).isEqualTo(BASE);
    assertThat(InjectorConfigReader.readValues("{\"global\": {\"proxy\": {\"autoInject\": true}}}", BASE)
        .options().policy()).isEqualTo(Policy.INVALID);
  }

  @Test
  void emptyConfigIsTheBase() {
    assertThat(InjectorConfigReader.readConfig(null, BASE)).isEqualTo(new InjectorConfigReader.Result(BASE, List.of()));
  }
}
