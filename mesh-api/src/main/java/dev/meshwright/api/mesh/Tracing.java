package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.meshwright.api.networking.ClientTLSSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a proxy reports traces ({@code istio.mesh.v1alpha1.Tracing}): one tracer plus sampling and custom tags.
 * Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTracing.class)
@JsonDeserialize(as = ImmutableTracing.class)
public interface Tracing {
  /** Zipkin collector. */
  Optional<Zipkin> zipkin();

  /** Lightstep collector (deprecated). */
  Optional<Lightstep> lightstep();

  /** Datadog agent. */
  Optional<Datadog> datadog();

  /** Stackdriver (Google Cloud Trace). */
  Optional<Stackdriver> stackdriver();

  /** OpenCensus agent (deprecated). */
  Optional<OpenCensusAgent> openCensusAgent();

  /** Extra span tags, keyed by tag name. */
  Map<String, CustomTag> customTags();

  /** Longest request path kept in the {@code http.url} tag. */
  Optional<Integer> maxPathTagLength();

  /** Percentage of requests sampled, 0.0 to 100.0. */
  Optional<Double> sampling();

  /** TLS settings towards the server. */
  Optional<ClientTLSSettings> tlsSettings();

  /** Rejects more than one member of the tracer oneof. */
  @Value.Check
  default void checkOneof() {
    Oneofs.atMostOne(
        "tracer",
        "zipkin", zipkin().isPresent(),
        "lightstep", lightstep().isPresent(),
        "datadog", datadog().isPresent(),
        "stackdriver", stackdriver().isPresent(),
        "openCensusAgent", openCensusAgent().isPresent());
  }

  /** A Zipkin collector address. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableZipkin.class)
  @JsonDeserialize(as = ImmutableZipkin.class)
  interface Zipkin {
    /** {@code host:port} of the collector. */
    Optional<String> address();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Zipkin}. */
    final class Builder extends ImmutableZipkin.Builder {}
  }

  /** A Lightstep satellite pool. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableLightstep.class)
  @JsonDeserialize(as = ImmutableLightstep.class)
  interface Lightstep {
    /** {@code host:port} of the satellite pool. */
    Optional<String> address();

    /** The access token. */
    Optional<String> accessToken();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Lightstep}. */
    final class Builder extends ImmutableLightstep.Builder {}
  }

  /** A Datadog agent. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableDatadog.class)
  @JsonDeserialize(as = ImmutableDatadog.class)
  interface Datadog {
    /** {@code host:port} of the agent. */
    Optional<String> address();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Datadog}. */
    final class Builder extends ImmutableDatadog.Builder {}
  }

  /** Stackdriver tracing limits. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableStackdriver.class)
  @JsonDeserialize(as = ImmutableStackdriver.class)
  interface Stackdriver {
    /** Logs every span. */
    Optional<Boolean> debug();

    /** Attributes per span. */
    Optional<Long> maxNumberOfAttributes();

    /** Annotations per span. */
    Optional<Long> maxNumberOfAnnotations();

    /** Message events per span. */
    Optional<Long> maxNumberOfMessageEvents();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Stackdriver}. */
    final class Builder extends ImmutableStackdriver.Builder {}
  }

  /** An OpenCensus agent. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableOpenCensusAgent.class)
  @JsonDeserialize(as = ImmutableOpenCensusAgent.class)
  interface OpenCensusAgent {
    /** gRPC address of the agent. */
    Optional<String> address();

    /** Propagation formats. */
    List<TraceContext> context();

    /** Trace context propagation formats. */
    enum TraceContext {
      UNSPECIFIED,
      W3C_TRACE_CONTEXT,
      GRPC_BIN,
      CLOUD_TRACE_CONTEXT,
      B3
    }

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link OpenCensusAgent}. */
    final class Builder extends ImmutableOpenCensusAgent.Builder {}
  }

  /** A custom span tag: one of a literal, an environment variable or a request header. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableCustomTag.class)
  @JsonDeserialize(as = ImmutableCustomTag.class)
  interface CustomTag {
    /** A fixed value. */
    Optional<Literal> literal();

    /** From an environment variable of the proxy. */
    Optional<Environment> environment();

    /** From a request header. */
    Optional<RequestHeader> header();

    /** Rejects more than one member of the type oneof. */
    @Value.Check
    default void checkOneof() {
      Oneofs.atMostOne(
          "type",
          "literal", literal().isPresent(),
          "environment", environment().isPresent(),
          "header", header().isPresent());
    }

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link CustomTag}. */
    final class Builder extends ImmutableCustomTag.Builder {}
  }

  /** A fixed tag value. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableLiteral.class)
  @JsonDeserialize(as = ImmutableLiteral.class)
  interface Literal {
    /** The value. */
    Optional<String> value();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Literal}. */
    final class Builder extends ImmutableLiteral.Builder {}
  }

  /** A tag taken from an environment variable. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableEnvironment.class)
  @JsonDeserialize(as = ImmutableEnvironment.class)
  interface Environment {
    /** The variable. */
    Optional<String> name();

    /** Used when the variable is unset. */
    Optional<String> defaultValue();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Environment}. */
    final class Builder extends ImmutableEnvironment.Builder {}
  }

  /** A tag taken from a request header. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableRequestHeader.class)
  @JsonDeserialize(as = ImmutableRequestHeader.class)
  interface RequestHeader {
    /** The header. */
    Optional<String> name();

    /** Used when the header is absent. */
    Optional<String> defaultValue();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link RequestHeader}. */
    final class Builder extends ImmutableRequestHeader.Builder {}
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Tracing}. */
  final class Builder extends ImmutableTracing.Builder {}
}
