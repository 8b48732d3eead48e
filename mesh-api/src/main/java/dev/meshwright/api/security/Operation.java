package dev.meshwright.api.security;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * What a request asks for ({@code istio.security.v1beta1.Operation}): hosts, ports, methods and paths,
 * each with a negated form. Ports are decimal strings; paths may use {@code {*}}/{@code {**}} templates.
 * Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableOperation.class)
@JsonDeserialize(as = ImmutableOperation.class)
public interface Operation {
  /** Hosts from the request's authority; HTTP only. */
  List<String> hosts();

  List<String> notHosts();

  /** Destination ports, as decimal strings. */
  List<String> ports();

  List<String> notPorts();

  /** HTTP methods (or gRPC: always POST); HTTP only. */
  List<String> methods();

  List<String> notMethods();

  /** Request paths, with prefix/suffix {@code *} or path templates; HTTP only. */
  List<String> paths();

  List<String> notPaths();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Operation}. */
  final class Builder extends ImmutableOperation.Builder {}
}
