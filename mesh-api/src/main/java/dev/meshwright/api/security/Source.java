package dev.meshwright.api.security;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * Who a request comes from ({@code istio.security.v1beta1.Source}): peer identities, request (JWT)
 * principals, namespaces and IP blocks, each with a negated form. Fields are ANDed, values within a field
 * ORed. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSource.class)
@JsonDeserialize(as = ImmutableSource.class)
public interface Source {
  /** Peer identities ({@code cluster.local/ns/default/sa/sleep}); needs mTLS. */
  List<String> principals();

  List<String> notPrincipals();

  /** Request principals ({@code issuer/subject} of a validated JWT). */
  List<String> requestPrincipals();

  List<String> notRequestPrincipals();

  /** Namespaces of the peer; needs mTLS. */
  List<String> namespaces();

  List<String> notNamespaces();

  /** IPs or CIDR blocks of the direct peer. */
  List<String> ipBlocks();

  List<String> notIpBlocks();

  /** IPs or CIDR blocks of the original client (X-Forwarded-For or proxy protocol). */
  List<String> remoteIpBlocks();

  List<String> notRemoteIpBlocks();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Source}. */
  final class Builder extends ImmutableSource.Builder {}
}
