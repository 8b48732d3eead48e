package dev.meshwright.fabric8.kube;

import dev.meshwright.api.Diagnostic;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link MeshClient} operation failed: the API server refused it (conflict, invalid, forbidden, ...), could
 * not be reached, or returned a document Meshwright cannot read. The message names the operation, kind,
 * namespace and name and carries the server's own message. Unchecked, like fabric8's exceptions.
 */
public final class MeshClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The operation that failed. */
  public enum Operation {
    CREATE, GET, LIST, UPDATE, APPLY, DELETE;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Operation operation;
  private final String kind;
  private final String namespace;
  private final String name;
  private final int code;
  private final String serverMessage;
  private final transient List<Diagnostic> diagnostics;

  private MeshClientException(Operation operation, String kind, String namespace, String name, int code,
      String serverMessage, List<Diagnostic> diagnostics, Throwable cause) {
    super(format(operation, kind, namespace, name, code, serverMessage), cause);
    this.operation = operation;
    this.kind = kind;
    this.namespace = namespace;
    this.name = name;
    this.code = code;
    this.serverMessage = serverMessage;
    this.diagnostics = List.copyOf(diagnostics);
  }

  static MeshClientException fromServer(Operation operation, String kind, String namespace, String name,
      KubernetesClientException e) {
    String message = e.getStatus() != null && e.getStatus().getMessage() != null
        ? e.getStatus().getMessage() : String.valueOf(e.getMessage());
    return new MeshClientException(operation, kind, namespace, name, e.getCode(), message, List.of(), e);
  }

  static MeshClientException unreadable(Operation operation, String kind, String namespace, String name,
      List<Diagnostic> diagnostics) {
    String detail = diagnostics.stream().filter(Diagnostic::isError)
        .map(d -> d.path().isEmpty() ? d.message() : d.path() + ": " + d.message())
        .collect(Collectors.joining("; "));
    return new MeshClientException(operation, kind, namespace, name, 0,
        "the server returned a document that cannot be read: " + detail, diagnostics, null);
  }

  static MeshClientException refused(Operation operation, String kind, String namespace, String name,
      String why) {
    return new MeshClientException(operation, kind, namespace, name, 0, why, List.of(), null);
  }

  private static String format(Operation operation, String kind, String namespace, String name, int code,
      String message) {
    String target = name.isEmpty() ? namespace : namespace + "/" + name;
    String status = code > 0 ? " (HTTP " + code + ")" : "";
    return operation.label() + " " + kind + " " + target + " failed" + status + ": " + message;
  }

  public Operation operation() {
    return operation;
  }

  public String kind() {
    return kind;
  }

  public String namespace() {
    return namespace;
  }

  /** The resource name, empty for a list. */
  public String name() {
    return name;
  }

  /** The HTTP status from the server (409 for a conflict, ...), 0 when the request got no answer. */
  public int code() {
    return code;
  }

  /** The server's message, or what Meshwright found wrong before or after the call. */
  public String serverMessage() {
    return serverMessage;
  }

  /** Binding problems when the server's document could not be read; empty otherwise. */
  public List<Diagnostic> diagnostics() {
    return diagnostics == null ? List.of() : diagnostics;
  }
}
