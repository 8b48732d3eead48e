package dev.meshwright.model.gateway;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The cluster facts a Gateway API conversion depends on. Immutable.
 *
 * @param domainSuffix the cluster domain ({@code cluster.local} usually) used to build service hostnames
 * @param services the services routes and gateways may reference
 * @param secrets TLS secret validity
 * @param namespaceLabels the labels of every namespace, by name, for listener namespace selectors
 * @param clock the time written into status conditions
 */
public record GatewayEnvironment(String domainSuffix, ServiceLookup services, SecretLookup secrets,
    Map<String, Map<String, String>> namespaceLabels, Clock clock) {
  public GatewayEnvironment {
    Objects.requireNonNull(domainSuffix, "domainSuffix");
    Objects.requireNonNull(services, "services");
    Objects.requireNonNull(secrets, "secrets");
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    namespaceLabels.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    namespaceLabels = Map.copyOf(copy);
    Objects.requireNonNull(clock, "clock");
  }
}
