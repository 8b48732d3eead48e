package dev.meshwright.bench.ads;

import dev.meshwright.api.MeshResource;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import dev.meshwright.model.config.ConfigEvent;
import dev.meshwright.model.config.ConfigStore;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import java.util.List;

/**
 * The Kubernetes mesh behind a {@link BenchConfig}: one Service per cluster in namespace {@code bench} (port 8080,
 * so Istio names its cluster as {@link BenchConfig#clusterName} does) and an EndpointSlice with the assignment's
 * addresses. A change puts the changed service's EndpointSlice into the store and updates the snapshot, so a
 * publish carries a real endpoint change, whatever the server derives from snapshots. Not thread-safe.
 */
final class BenchMesh {
  static final String NAMESPACE = "bench";
  private final ConfigStore store = ConfigStore.builder().build();
  private final MeshTranslator translator = MeshTranslator.create();
  private final MeshConfig mesh = MeshConfigs.defaults();
  private MeshSnapshot current;

  BenchMesh(BenchConfig config) {
    StringBuilder yaml = new StringBuilder("---\napiVersion: v1\nkind: Namespace\nmetadata: {name: bench}\n");
    for (int i = 0; i < config.size(); i++) {
      yaml.append("---\napiVersion: v1\nkind: Service\nmetadata: {name: ").append(BenchConfig.serviceName(i))
          .append(", namespace: bench}\nspec: {clusterIP: 10.96.").append(i >> 8 & 0xff).append('.')
          .append(i & 0xff).append(", ports: [{name: http, port: 8080, targetPort: 8080}]}\n");
      yaml.append(slice(config.endpoints().get(i), i));
    }
    store.putAll("bench", read(yaml.toString()));
    current = translator.translate(store.view(), mesh);
  }

  MeshSnapshot current() {
    return current;
  }

  /** The snapshot after service {@code index}'s endpoints became those of {@code next}. */
  MeshSnapshot change(BenchConfig next, int index) {
    List<ConfigEvent> events = store.putAll("bench", read(slice(next.endpoints().get(index), index)));
    current = translator.update(current, store.view(), mesh, events);
    return current;
  }

  private static String slice(ClusterLoadAssignment cla, int i) {
    StringBuilder out = new StringBuilder("---\napiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: ")
        .append(BenchConfig.serviceName(i)).append("-0, namespace: bench, labels: {kubernetes.io/service-name: ")
        .append(BenchConfig.serviceName(i)).append("}}\naddressType: IPv4\nports: [{name: http, port: 8080}]\nendpoints:\n");
    for (LocalityLbEndpoints l : cla.getEndpointsList()) {
      for (LbEndpoint e : l.getLbEndpointsList()) {
        out.append("- addresses: [").append(e.getEndpoint().getAddress().getSocketAddress().getAddress())
            .append("]\n  conditions: {ready: true}\n");
      }
    }
    return out.toString();
  }

  private static List<MeshResource> read(String yaml) {
    ReadResult r = MeshYaml.read("bench", yaml);
    if (r.hasErrors()) {
      throw new IllegalStateException("bench mesh YAML is invalid: " + r.diagnostics().get(0));
    }
    return r.resources();
  }
}
