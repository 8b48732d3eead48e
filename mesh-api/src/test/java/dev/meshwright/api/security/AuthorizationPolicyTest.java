package dev.meshwright.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.security.AuthorizationPolicySpec.Action;
import dev.meshwright.api.type.PolicyTargetReference;
import dev.meshwright.api.type.WorkloadSelector;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuthorizationPolicyTest {
  private static AuthorizationPolicy policy(AuthorizationPolicySpec spec) {
    return AuthorizationPolicy.builder().metadata(ObjectMeta.of("httpbin", "foo")).spec(spec).build();
  }

  private static List<String> errors(AuthorizationPolicy p) {
    return MeshValidator.create().validate(p).stream().filter(Diagnostic::isError)
        .map(d -> d.path() + ": " + d.message()).toList();
  }

  private static List<String> warnings(AuthorizationPolicy p) {
    return MeshValidator.create().validate(p).stream().filter(d -> !d.isError()).map(Diagnostic::message).toList();
  }

  private static Rule fromPrincipal(String principal) {
    return Rule.builder().addFrom(Rule.From.of(Source.builder().addPrincipal(principal).build())).build();
  }

  @Test
  @DisplayName("a realistic policy writes v1 YAML with proto-JSON names and reads back equal")
  void roundTrip() {
    AuthorizationPolicy p = policy(AuthorizationPolicySpec.builder()
        .selector(WorkloadSelector.of(Map.of("app", "httpbin")))
        .action(Action.DENY)
        .addRule(Rule.builder()
            .addFrom(Rule.From.of(Source.builder().addNotRemoteIpBlock("10.0.0.0/8").build()))
            .addTo(Rule.To.of(Operation.builder().addPort("8080").addPath("/api/{**}").build()))
            .addWhen(Condition.builder().key("request.headers[x-token]").addNotValue("admin").build())
            .build())
        .build());
    String yaml = MeshYaml.standard().writeYaml(p);
    assertThat(yaml).startsWith("apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\n")
        .contains("notRemoteIpBlocks:", "notValues:", "action: DENY");
    ReadResult back = MeshYaml.read("ap.yaml", yaml);
    assertThat(back.diagnostics()).isEmpty();
    assertThat(back.resources()).containsExactly(p);
    assertThat(errors(p)).isEmpty();
  }

  @Test
  @DisplayName("every error carries the 'invalid policy <name>.<namespace>:' prefix and its field path")
  void errorPrefixAndPaths() {
    AuthorizationPolicy p = policy(AuthorizationPolicySpec.builder()
        .addRule(Rule.builder()
            .addFrom(Rule.From.of(Source.builder().addIpBlock("1.2.3.4/33").addRemoteIpBlock("a.b.c.d").build()))
            .addTo(Rule.To.of(Operation.builder().addPort("http").addPath("/foo/{*}/bar*").build()))
            .build())
        .build());
    assertThat(errors(p)).containsExactly(
        "spec.rules[0].from[0].source.ipBlocks: invalid policy httpbin.foo: bad CIDR range (1.2.3.4/33): "
            + "netip.ParsePrefix(\"1.2.3.4/33\"): prefix length out of range",
        "spec.rules[0].from[0].source.remoteIpBlocks: invalid policy httpbin.foo: bad IP address (a.b.c.d)",
        "spec.rules[0].to[0].operation.ports: invalid policy httpbin.foo: bad port (http): "
            + "strconv.ParseUint: parsing \"http\": invalid syntax",
        "spec.rules[0].to[0].operation.paths: invalid policy httpbin.foo: invalid or unsupported path "
            + "/foo/{*}/bar*, found in Paths.Contains '*' beyond a supported path template");
  }

  @Test
  @DisplayName("condition keys: known attributes, bracketed map keys, typed values")
  void conditions() {
    AuthorizationPolicy p = policy(AuthorizationPolicySpec.builder()
        .addRule(Rule.builder()
            .addWhen(Condition.builder().key("request.headers[]").addValue("x").build())
            .addWhen(Condition.builder().key("destination.port").addValue("70000").build())
            .addWhen(Condition.builder().key("destination.labels[app]").addNotValue("x").build())
            .addWhen(Condition.builder().key("remote.ip").addValue("::ffff:10.0.0.1").addValue("fe80::1%eth0").build())
            .build())
        .build());
    assertThat(errors(p)).containsExactly(
        "spec.rules[0].when[0].values: invalid policy httpbin.foo: invalid `value` for `key` request.headers[]: "
            + "bad key (request.headers[]): should have format a[b]",
        // like Istio, a bad key is reported for the (empty) notValues too
        "spec.rules[0].when[0].notValues: invalid policy httpbin.foo: invalid `notValue` for `key` request.headers[]: "
            + "bad key (request.headers[]): should have format a[b]",
        "spec.rules[0].when[1].values: invalid policy httpbin.foo: invalid `value` for `key` destination.port: "
            + "bad port (70000): <nil>",
        "spec.rules[0].when[2].values: invalid policy httpbin.foo: invalid `value` for `key` destination.labels[app]: "
            + "attribute destination.labels[app] is replaced by the workload selector",
        "spec.rules[0].when[2].notValues: invalid policy httpbin.foo: invalid `notValue` for `key` "
            + "destination.labels[app]: attribute destination.labels[app] is replaced by the workload selector");
  }

  @Test
  @DisplayName("CUSTOM needs a provider name; a DENY rule with only HTTP attributes warns about TCP traffic")
  void customAndDenyWarning() {
    AuthorizationPolicy custom = policy(AuthorizationPolicySpec.builder()
        .action(Action.CUSTOM).provider(ExtensionProvider.of("")).addRule(fromPrincipal("sa")).build());
    assertThat(errors(custom)).containsExactly(
        "spec.provider: invalid policy httpbin.foo: `provider.name` must not be empty",
        "spec.rules[0].from[0].source: invalid policy httpbin.foo: From.Principals is currently not supported "
            + "with CUSTOM action");

    AuthorizationPolicy denyMethods = policy(AuthorizationPolicySpec.builder().action(Action.DENY)
        .addRule(Rule.builder().addTo(Rule.To.of(Operation.builder().addMethod("GET").build())).build()).build());
    assertThat(errors(denyMethods)).isEmpty();
    assertThat(warnings(denyMethods)).singleElement().asString().startsWith(
        "configured AuthorizationPolicy will deny all traffic to TCP ports");

    AuthorizationPolicy denyPrincipal = policy(AuthorizationPolicySpec.builder().action(Action.DENY)
        .addRule(fromPrincipal("sa")).build());
    assertThat(warnings(denyPrincipal)).isEmpty();
  }

  @Test
  @DisplayName("dry-run must be a boolean and is only for ALLOW/DENY; targetRefs exclude a selector")
  void dryRunAndTargets() {
    AuthorizationPolicy audit = AuthorizationPolicy.builder()
        .metadata(ObjectMeta.builder().name("a").namespace("ns").putAnnotation("istio.io/dry-run", "true").build())
        .spec(AuthorizationPolicySpec.builder().action(Action.AUDIT).build())
        .build();
    assertThat(errors(audit)).containsExactly("metadata.annotations[istio.io/dry-run]: the annotation istio.io/dry-run "
        + "currently only supports action ALLOW/DENY, found action AUDIT in ns/a");

    AuthorizationPolicy both = policy(AuthorizationPolicySpec.builder()
        .selector(WorkloadSelector.of(Map.of("app", "x")))
        .addTargetRef(PolicyTargetReference.builder().kind("Gateway").name("gw").build())
        .build());
    assertThat(errors(both)).containsExactly(
        "spec: invalid policy httpbin.foo: only one of targetRefs or workloadSelector can be set",
        "spec.targetRefs[0]: invalid policy httpbin.foo: targetRef must be to one of "
            + "[core/v1/Service gateway.networking.k8s.io/v1beta1/Gateway] but was /Gateway");
  }
}
