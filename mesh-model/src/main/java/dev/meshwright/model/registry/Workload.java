package dev.meshwright.model.registry;

import java.util.Map;
import java.util.Objects;

/**
 * A workload policies can select: a Pod or a WorkloadEntry. Immutable.
 *
 * @param kind {@code Pod} or {@code WorkloadEntry}
 * @param namespace its namespace
 * @param name its name
 * @param labels its labels
 * @param address its IP address, empty when unknown
 * @param serviceAccount its SPIFFE identity, empty when unknown
 */
public record Workload(String kind, String namespace, String name, Map<String, String> labels, String address,
    String serviceAccount) {
  public Workload {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    labels = Map.copyOf(labels);
    address = Objects.requireNonNullElse(address, "");
    serviceAccount = Objects.requireNonNullElse(serviceAccount, "");
  }

  /** {@code Kind ns/name}. */
  public String id() {
    return kind + " " + namespace + "/" + name;
  }
}
