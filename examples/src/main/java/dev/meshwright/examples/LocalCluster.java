package dev.meshwright.examples;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;

/**
 * A throwaway Kubernetes API server for the examples: fabric8's mock server in CRUD mode (objects are
 * stored, listed, replaced and deleted as a real API server would; no pods run and there is no server-side
 * apply), listening on a free loopback port only. It lets every example run on a laptop without a cluster;
 * to use a real one, replace {@code LocalCluster.start().client()} with {@code new KubernetesClientBuilder().build()}
 * (kubeconfig) in the example's {@code main}.
 *
 * <p>Not thread-safe to start or close; the client it hands out is. {@link #close()} stops the server and
 * closes the client.
 */
public final class LocalCluster implements AutoCloseable {
  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private LocalCluster(KubernetesMockServer server) {
    this.server = server;
    this.client = server.createClient();
  }

  /** Starts an empty API server on a free loopback port. */
  public static LocalCluster start() {
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    return new LocalCluster(server);
  }

  /** A client of this server (closed with it). */
  public KubernetesClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
