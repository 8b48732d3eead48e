package dev.meshwright.install.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One rendered Kubernetes object and the component that produced it. The body is a private copy;
 * {@link #body()} returns a copy, so instances are immutable.
 *
 * @param component the component that rendered the object
 * @param content the object as a JSON tree ({@code apiVersion}, {@code kind}, {@code metadata}, ...)
 */
public record ManifestObject(Component component, ObjectNode content) {
  public ManifestObject {
    Objects.requireNonNull(component, "component");
    content = Objects.requireNonNull(content, "content").deepCopy();
  }

  /** A copy of the object tree. */
  public ObjectNode body() {
    return content.deepCopy();
  }

  /** {@code apiVersion}. */
  public String apiVersion() {
    return content.path("apiVersion").asText("");
  }

  /** The API group: empty for core {@code v1}. */
  public String group() {
    String v = apiVersion();
    int slash = v.indexOf('/');
    return slash < 0 ? "" : v.substring(0, slash);
  }

  /** {@code kind}. */
  public String kind() {
    return content.path("kind").asText("");
  }

  /** {@code metadata.name}. */
  public String name() {
    return content.path("metadata").path("name").asText("");
  }

  /** {@code metadata.namespace}, empty for cluster-scoped objects. */
  public String namespace() {
    JsonNode ns = content.path("metadata").path("namespace");
    return ns.isTextual() ? ns.asText() : "";
  }

  /** {@code Kind:namespace:name}, the key istioctl's object selection matches against. */
  public String key() {
    return kind() + ":" + namespace() + ":" + name();
  }

  /** This object with another body (same component). */
  ManifestObject with(ObjectNode newContent) {
    return new ManifestObject(component, newContent);
  }

  @Override
  public String toString() {
    return key();
  }
}
