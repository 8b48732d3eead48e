package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** An OpenTelemetry tracing provider. Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableOpenTelemetryTracingProvider.class)
@JsonDeserialize(as = ImmutableOpenTelemetryTracingProvider.class)
public interface OpenTelemetryTracingProvider {
  /** The provider's service, as {@code [namespace/]hostname}. */
  Optional<String> service();

  /** The service port. */
  Optional<Integer> port();

  /** Longest tag value. */
  Optional<Integer> maxTagLength();

  /** Sends spans over HTTP instead of gRPC. */
  Optional<HttpService> http();

  /** Resource detectors. */
  Optional<ResourceDetectors> resourceDetectors();

  /** The Dynatrace sampler (oneof sampling). */
  Optional<DynatraceSampler> dynatraceSampler();

  /** OpenTelemetry resource detectors. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableResourceDetectors.class)
  @JsonDeserialize(as = ImmutableResourceDetectors.class)
  interface ResourceDetectors {
    /** Reads OTEL_RESOURCE_ATTRIBUTES. */
    Optional<EnvironmentResourceDetector> environment();

    /** Reads Dynatrace host metadata. */
    Optional<DynatraceResourceDetector> dynatrace();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link ResourceDetectors}. */
    final class Builder extends ImmutableResourceDetectors.Builder {}
  }

  /** The environment resource detector (no settings). */
  @Value.Immutable
  @JsonSerialize(as = ImmutableEnvironmentResourceDetector.class)
  @JsonDeserialize(as = ImmutableEnvironmentResourceDetector.class)
  interface EnvironmentResourceDetector {
    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link EnvironmentResourceDetector}. */
    final class Builder extends ImmutableEnvironmentResourceDetector.Builder {}
  }

  /** The Dynatrace resource detector (no settings). */
  @Value.Immutable
  @JsonSerialize(as = ImmutableDynatraceResourceDetector.class)
  @JsonDeserialize(as = ImmutableDynatraceResourceDetector.class)
  interface DynatraceResourceDetector {
    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link DynatraceResourceDetector}. */
    final class Builder extends ImmutableDynatraceResourceDetector.Builder {}
  }

  /** The Dynatrace sampler. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableDynatraceSampler.class)
  @JsonDeserialize(as = ImmutableDynatraceSampler.class)
  interface DynatraceSampler {
    /** Dynatrace tenant. */
    Optional<String> tenant();

    /** Dynatrace cluster id. */
    Optional<Integer> clusterId();

    /** Root spans sampled per minute. */
    Optional<Integer> rootSpansPerMinute();

    /** The Dynatrace API endpoint. */
    Optional<DynatraceApi> httpService();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link DynatraceSampler}. */
    final class Builder extends ImmutableDynatraceSampler.Builder {}
  }

  /** The Dynatrace API the sampler reads. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableDynatraceApi.class)
  @JsonDeserialize(as = ImmutableDynatraceApi.class)
  interface DynatraceApi {
    /** The provider's service, as {@code [namespace/]hostname}. */
    Optional<String> service();

    /** The service port. */
    Optional<Integer> port();

    /** HTTP settings. */
    Optional<HttpService> http();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link DynatraceApi}. */
    final class Builder extends ImmutableDynatraceApi.Builder {}
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link OpenTelemetryTracingProvider}. */
  final class Builder extends ImmutableOpenTelemetryTracingProvider.Builder {}
}
