package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A named telemetry or authorization provider that Telemetry and AuthorizationPolicy resources refer to ({@code
 * MeshConfig.ExtensionProvider}). Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableExtensionProvider.class)
@JsonDeserialize(as = ImmutableExtensionProvider.class)
public interface ExtensionProvider {
  /** Unique name of the provider. */
  Optional<String> name();

  /** External authorization over HTTP (oneof provider). */
  Optional<EnvoyExternalAuthorizationHttpProvider> envoyExtAuthzHttp();

  /** External authorization over gRPC (oneof provider). */
  Optional<EnvoyExternalAuthorizationGrpcProvider> envoyExtAuthzGrpc();

  /** Zipkin tracing (oneof provider). */
  Optional<ZipkinTracingProvider> zipkin();

  /** Lightstep tracing (deprecated) (oneof provider). */
  Optional<LightstepTracingProvider> lightstep();

  /** Datadog tracing (oneof provider). */
  Optional<DatadogTracingProvider> datadog();

  /** Stackdriver telemetry (oneof provider). */
  Optional<StackdriverProvider> stackdriver();

  /** OpenCensus tracing (deprecated) (oneof provider). */
  Optional<OpenCensusAgentTracingProvider> opencensus();

  /** SkyWalking tracing (oneof provider). */
  Optional<SkyWalkingTracingProvider> skywalking();

  /** OpenTelemetry tracing (oneof provider). */
  Optional<OpenTelemetryTracingProvider> opentelemetry();

  /** Prometheus metrics (oneof provider). */
  Optional<PrometheusMetricsProvider> prometheus();

  /** File access logs (oneof provider). */
  Optional<EnvoyFileAccessLogProvider> envoyFileAccessLog();

  /** HTTP gRPC access log service (oneof provider). */
  Optional<EnvoyHttpGrpcV3LogProvider> envoyHttpAls();

  /** TCP gRPC access log service (oneof provider). */
  Optional<EnvoyTcpGrpcV3LogProvider> envoyTcpAls();

  /** OpenTelemetry access logs (oneof provider). */
  Optional<EnvoyOpenTelemetryLogProvider> envoyOtelAls();

  /** Rejects more than one member of the provider oneof. */
  @Value.Check
  default void checkOneof() {
    Oneofs.atMostOne("provider", providerMembers());
  }

  /** The JSON name of the provider that is set ({@code zipkin}, {@code envoyExtAuthzHttp}, ...), or empty. */
  default String providerType() {
    return Oneofs.firstSet(providerMembers());
  }

  /** The provider oneof for {@link Oneofs}: each member's JSON name and whether it is set, in proto order. */
  private Object[] providerMembers() {
    return new Object[] {
        "envoyExtAuthzHttp", envoyExtAuthzHttp().isPresent(),
        "envoyExtAuthzGrpc", envoyExtAuthzGrpc().isPresent(),
        "zipkin", zipkin().isPresent(),
        "lightstep", lightstep().isPresent(),
        "datadog", datadog().isPresent(),
        "stackdriver", stackdriver().isPresent(),
        "opencensus", opencensus().isPresent(),
        "skywalking", skywalking().isPresent(),
        "opentelemetry", opentelemetry().isPresent(),
        "prometheus", prometheus().isPresent(),
        "envoyFileAccessLog", envoyFileAccessLog().isPresent(),
        "envoyHttpAls", envoyHttpAls().isPresent(),
        "envoyTcpAls", envoyTcpAls().isPresent(),
        "envoyOtelAls", envoyOtelAls().isPresent()
    };
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ExtensionProvider}. */
  final class Builder extends ImmutableExtensionProvider.Builder {}
}
