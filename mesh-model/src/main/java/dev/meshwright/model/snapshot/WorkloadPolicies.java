package dev.meshwright.model.snapshot;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration that applies to one workload (a Pod or WorkloadEntry), each item as {@code ns/name}.
 * Immutable.
 *
 * @param workload the workload, {@code Kind ns/name}
 * @param namespace its namespace
 * @param sidecar the Sidecar that scopes it: a matching selector Sidecar of its namespace, else that
 *     namespace's default Sidecar, else the root namespace's default; empty when none applies
 * @param peerAuthentications PeerAuthentications of its namespace and the root namespace whose selector matches
 * @param requestAuthentications RequestAuthentications likewise (policies with {@code targetRef} attach to
 *     gateways, not workloads)
 * @param authorizationPolicies AuthorizationPolicies likewise
 */
public record WorkloadPolicies(String workload, String namespace, Optional<String> sidecar,
    List<String> peerAuthentications, List<String> requestAuthentications, List<String> authorizationPolicies) {
  public WorkloadPolicies {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(sidecar, "sidecar");
    peerAuthentications = List.copyOf(peerAuthentications);
    requestAuthentications = List.copyOf(requestAuthentications);
    authorizationPolicies = List.copyOf(authorizationPolicies);
  }
}
