package dev.meshwright.model.gateway;

import java.util.Objects;

/**
 * The status the conversion writes on one input object.
 *
 * @param apiVersion the object's apiVersion as given
 * @param kind its kind ({@code Gateway}, {@code HTTPRoute}...)
 * @param namespace its namespace ({@code default} when it had none)
 * @param name its name
 * @param status the fabric8 status value ({@code GatewayStatus}, {@code HTTPRouteStatus}...); an empty
 *     status object when the conversion does not own the object
 */
public record ObjectStatus(String apiVersion, String kind, String namespace, String name, Object status) {
  public ObjectStatus {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
  }
}
