package dev.meshwright.examples.embed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The platform's own service registry, standing in for a database table: one row per running instance of a
 * service, with its address, port and version. Nothing in it knows about Kubernetes or Istio; {@link InventoryMesh}
 * turns it into mesh resources. Immutable: a change is a new inventory, as a fresh read of the table would be.
 *
 * @param rows the instances, sorted by service then name
 */
public record Inventory(List<Instance> rows) {
  /**
   * One instance of a service.
   *
   * @param service the service's name ({@code reviews})
   * @param name the instance's own name, unique in the inventory ({@code reviews-v1-a})
   * @param address its IP address
   * @param port the port it serves gRPC on
   * @param version the version it runs ({@code v1}); DestinationRule subsets select on it
   */
  public record Instance(String service, String name, String address, int port, String version) {
    public Instance {
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(version, "version");
    }
  }

  public Inventory {
    List<Instance> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(Instance::service).thenComparing(Instance::name));
    rows = List.copyOf(sorted);
  }

  /** This inventory with {@code instance} added. */
  public Inventory plus(Instance instance) {
    List<Instance> out = new ArrayList<>(rows);
    out.add(instance);
    return new Inventory(out);
  }

  /** This inventory without the instance named {@code name}. */
  public Inventory minus(String name) {
    return new Inventory(rows.stream().filter(i -> !i.name().equals(name)).toList());
  }

  /** The instances of {@code service}. */
  public List<Instance> of(String service) {
    return rows.stream().filter(i -> i.service().equals(service)).toList();
  }

  /** The names of the services with at least one instance, sorted. */
  public List<String> services() {
    return rows.stream().map(Instance::service).distinct().toList();
  }
}
