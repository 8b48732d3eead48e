package dev.meshwright.examples.embed;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.networking.ServiceEntry;
import dev.meshwright.api.networking.ServiceEntrySpec;
import dev.meshwright.api.networking.ServicePort;
import dev.meshwright.api.networking.WorkloadEntrySpec;
import dev.meshwright.model.config.ConfigEvent;
import dev.meshwright.model.config.ConfigStore;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's inventory and routing as a {@link MeshSnapshot}: each service of the {@link Inventory} becomes a
 * ServiceEntry (resolution {@code STATIC}, one inline endpoint per instance, labelled {@code app} and
 * {@code version}), held in a {@link ConfigStore} under the source {@code inventory} next to the routing
 * (VirtualServices, DestinationRules) under {@code routing}. Every change gives a new snapshot, built
 * incrementally by {@link MeshTranslator#update} from the store's change events. Not thread-safe: one feeder.
 */
final class InventoryMesh {
  /** The namespace every service and client of the example lives in. */
  static final String NAMESPACE = "shop";
  /** The port clients call every service on; each instance listens on its own port from the inventory. */
  static final int PORT = 9080;
  private static final MeshConfig MESH = MeshConfigs.defaults();

  private final ConfigStore store = ConfigStore.builder().defaultNamespace(NAMESPACE).build();
  private final MeshTranslator translator = MeshTranslator.create();
  private MeshSnapshot current;

  InventoryMesh(Inventory inventory, List<IstioResource<?>> routing) {
    store.replaceSource("inventory", serviceEntries(inventory));
    store.replaceSource("routing", routing);
    current = translator.translate(store.view(), MESH);
  }

  /** The host name clients use for {@code service}: no Kubernetes, so no {@code svc.cluster.local}. */
  static String host(String service) {
    return service + "." + NAMESPACE + ".internal";
  }

  /** The snapshot after the inventory became {@code next}. */
  MeshSnapshot inventory(Inventory next) {
    return apply(store.replaceSource("inventory", serviceEntries(next)));
  }

  /** The snapshot after the routing became {@code next}. */
  MeshSnapshot routing(List<IstioResource<?>> next) {
    return apply(store.replaceSource("routing", next));
  }

  /** The newest snapshot. */
  MeshSnapshot current() {
    return current;
  }

  private MeshSnapshot apply(List<ConfigEvent> events) {
    current = translator.update(current, store.view(), MESH, events);
    return current;
  }

  /** One ServiceEntry per service: its instances as STATIC endpoints on the GRPC port {@value #PORT}. */
  static List<ServiceEntry> serviceEntries(Inventory inventory) {
    List<ServiceEntry> out = new ArrayList<>();
    for (String service : inventory.services()) {
      ServiceEntrySpec.Builder spec = ServiceEntrySpec.builder()
          .addHosts(host(service))
          .addPorts(ServicePort.of(PORT, "GRPC", "grpc"))
          .location(ServiceEntrySpec.Location.MESH_INTERNAL)
          .resolution(ServiceEntrySpec.Resolution.STATIC);
      for (Inventory.Instance i : inventory.of(service)) {
        spec.addEndpoints(WorkloadEntrySpec.builder()
            .address(i.address())
            .putPort("grpc", i.port())
            .putLabel("app", service)
            .putLabel("version", i.version())
            .build());
      }
      out.add(ServiceEntry.builder().metadata(ObjectMeta.of(service, NAMESPACE)).spec(spec.build()).build());
    }
    return out;
  }
}
