package dev.meshwright.xds.authz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication;
import io.envoyproxy.envoy.extensions.path.match.uri_template.v3.UriTemplateMatchConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The authorization and authentication filter protos as YAML of their proto3 JSON form ({@code '@type'} for
 * {@code Any}), both ways: how {@code meshctl x authz} prints them and how goldens are read. Thread-safe.
 */
public final class FilterYaml {
  /** Every message type that appears inside the filters' {@code Any} fields. */
  public static final JsonFormat.TypeRegistry TYPES = JsonFormat.TypeRegistry.newBuilder()
      .add(io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC.getDescriptor())
      .add(io.envoyproxy.envoy.extensions.filters.network.rbac.v3.RBAC.getDescriptor())
      .add(io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.ExtAuthz.getDescriptor())
      .add(io.envoyproxy.envoy.extensions.filters.network.ext_authz.v3.ExtAuthz.getDescriptor())
      .add(JwtAuthentication.getDescriptor())
      .add(UriTemplateMatchConfig.getDescriptor())
      .build();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().usingTypeRegistry(TYPES);
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().usingTypeRegistry(TYPES);

  /** The message classes of {@link #TYPES}, by type URL, for unpacking. */
  private static final Map<String, Message> BY_TYPE_URL = Stream.of(
          io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC.getDefaultInstance(),
          io.envoyproxy.envoy.extensions.filters.network.rbac.v3.RBAC.getDefaultInstance(),
          io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.ExtAuthz.getDefaultInstance(),
          io.envoyproxy.envoy.extensions.filters.network.ext_authz.v3.ExtAuthz.getDefaultInstance(),
          JwtAuthentication.getDefaultInstance(),
          UriTemplateMatchConfig.getDefaultInstance())
      .collect(Collectors.toUnmodifiableMap(m -> "type.googleapis.com/" + m.getDescriptorForType().getFullName(),
          m -> m));

  private FilterYaml() {}

  /**
   * The message packed in {@code any}, as its generated class (whose {@code equals} ignores map order, unlike the
   * packed bytes), or empty when its type is not one of {@link #TYPES}.
   */
  public static Optional<Message> unpack(Any any) {
    Message proto = BY_TYPE_URL.get(any.getTypeUrl());
    if (proto == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(proto.getParserForType().parseFrom(any.getValue()));
    } catch (InvalidProtocolBufferException e) {
      return Optional.empty();
    }
  }

  /** The messages as one YAML list. */
  public static String write(List<? extends Message> messages) {
    try {
      ArrayNode list = JSON.createArrayNode();
      for (Message m : messages) {
        list.add(JSON.readTree(PRINTER.print(m)));
      }
      return list.isEmpty() ? "[]\n" : YAML.writeValueAsString(list);
    } catch (InvalidProtocolBufferException | JsonProcessingException e) {
      throw new IllegalStateException("a filter could not be printed", e); // all Any types are registered
    }
  }

  /**
   * Reads one message from YAML (or JSON) into {@code builder}, strictly: unknown fields are errors.
   *
   * @throws IllegalArgumentException when the text is no such message
   */
  public static <B extends Message.Builder> B read(String yaml, B builder) {
    try {
      JsonNode tree = YAML.readTree(yaml);
      PARSER.merge(JSON.writeValueAsString(tree), builder);
      return builder;
    } catch (JsonProcessingException | InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
