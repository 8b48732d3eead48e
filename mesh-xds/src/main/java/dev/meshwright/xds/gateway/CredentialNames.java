package dev.meshwright.xds.gateway;

import java.util.Optional;

/**
 * SDS resource names of gateway credentials, by Istio's rules ({@code pilot/pkg/model/credentials}):
 * {@code credentialName: foo} is {@code kubernetes://foo}; names already starting with {@code kubernetes://} or
 * {@code kubernetes-gateway://} stay; {@code builtin://} is the workload certificate {@code default}. A
 * {@code kubernetes://} name may carry a namespace ({@code kubernetes://ns/name}), else it means the proxy's
 * namespace; {@code kubernetes-gateway://} names always carry one. Stateless.
 */
public final class CredentialNames {
  /** The suffix of validation (CA) secrets. */
  public static final String CA_SUFFIX = dev.meshwright.xds.cluster.TlsContexts.CA_SUFFIX;
  /** Prefix of Kubernetes Secrets read from the proxy's cluster. */
  public static final String KUBERNETES = "kubernetes://";
  /** Prefix of Kubernetes Secrets referenced by Gateway API listeners. */
  public static final String KUBERNETES_GATEWAY = "kubernetes-gateway://";
  /** Prefix of the workload's own certificate. */
  public static final String BUILTIN = "builtin://";

  private CredentialNames() {}

  /** The kinds of credential resource names. */
  public enum Type { KUBERNETES, KUBERNETES_GATEWAY }

  /**
   * A parsed credential resource name.
   *
   * @param type the kind
   * @param namespace the Secret's namespace (the proxy's when the name does not say)
   * @param name the Secret's name (with {@code -cacert} for validation secrets)
   */
  public record SecretRef(Type type, String namespace, String name) {}

  /** The SDS resource name for {@code credentialName}. */
  public static String toResourceName(String credentialName) {
    if (credentialName.startsWith(BUILTIN)) {
      return "default";
    }
    if (credentialName.startsWith(KUBERNETES) || credentialName.startsWith(KUBERNETES_GATEWAY)) {
      return credentialName;
    }
    return KUBERNETES + credentialName;
  }

  /** Parses an SDS resource name; empty for names that are not Kubernetes credentials. */
  public static Optional<SecretRef> parse(String resourceName, String proxyNamespace) {
    if (resourceName.startsWith(KUBERNETES)) {
      String rest = resourceName.substring(KUBERNETES.length());
      String[] parts = rest.split("/", -1);
      return parts.length > 1
          ? Optional.of(new SecretRef(Type.KUBERNETES, parts[0], parts[1]))
          : Optional.of(new SecretRef(Type.KUBERNETES, proxyNamespace, parts[0]));
    }
    if (resourceName.startsWith(KUBERNETES_GATEWAY)) {
      String[] parts = resourceName.substring(KUBERNETES_GATEWAY.length()).split("/", -1);
      if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new SecretRef(Type.KUBERNETES_GATEWAY, parts[0], parts[1]));
    }
    return Optional.empty();
  }
}
