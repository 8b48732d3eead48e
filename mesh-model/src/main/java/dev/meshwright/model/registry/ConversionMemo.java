package dev.meshwright.model.registry;

import dev.meshwright.api.GenericResource;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one registry build converted, by source object, so the next build (of a view that shares most objects
 * with this one, as a store update does) converts only what changed: Pods to workloads, Services to mesh services,
 * and EndpointSlices to endpoints. A slice's endpoints also depend on its Service and on the Pods and Nodes they
 * name, so each is kept with the instances it read, and reused only while every one of them is still the
 * instance the view holds. Objects are matched by identity: a store keeps unchanged objects as they were. The
 * accumulated endpoint and workload lists are kept too, so an unchanged host's sorted list can be reused without
 * sorting or comparing it. Valid only for the same {@link RegistryOptions}. Written by one build, then read-only.
 */
final class ConversionMemo {
  static final ConversionMemo EMPTY = new ConversionMemo(null);

  final RegistryOptions options;
  final Map<GenericResource, Workload> pods = new IdentityHashMap<>();
  final Map<GenericResource, MeshService> services = new IdentityHashMap<>();
  final Map<GenericResource, Slice> slices = new IdentityHashMap<>();
  /** The build's endpoints per hostname as accumulated (before sorting), and its workloads likewise. */
  Map<String, List<Endpoint>> rawEndpoints = Map.of();
  List<Workload> rawWorkloads = List.of();

  ConversionMemo(RegistryOptions options) {
    this.options = options;
  }

  /** This memo if it was made with {@code current}, else an empty one. */
  ConversionMemo validFor(RegistryOptions current) {
    return current.equals(options) ? this : EMPTY;
  }

  /**
   * One slice's endpoints and what they were made from: the Service they were converted for and the Pod and Node
   * lookups the conversion made.
   */
  record Slice(MeshService service, List<Endpoint> endpoints, Reads reads) {
    /** Whether {@code current}, {@code pods} and {@code nodes} still give exactly what this slice read. */
    boolean stillValid(MeshService current, Map<String, GenericResource> pods, Map<String, GenericResource> nodes) {
      return current == service && same(reads.podKeys, reads.podValues, pods)
          && same(reads.nodeKeys, reads.nodeValues, nodes);
    }

    private static boolean same(List<String> keys, List<GenericResource> values, Map<String, GenericResource> now) {
      for (int i = 0; i < keys.size(); i++) {
        if (now.get(keys.get(i)) != values.get(i)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Records the Pod and Node lookups one slice's conversion makes; kept by its {@link Slice}, unchanged after. */
  static final class Reads {
    private final List<String> podKeys = new ArrayList<>();
    private final List<GenericResource> podValues = new ArrayList<>();
    private final List<String> nodeKeys = new ArrayList<>();
    private final List<GenericResource> nodeValues = new ArrayList<>();

    GenericResource pod(Map<String, GenericResource> pods, String key) {
      GenericResource p = pods.get(key);
      podKeys.add(key);
      podValues.add(p);
      return p;
    }

    /** {@code nodes} as a map that records every lookup. */
    Map<String, GenericResource> nodes(Map<String, GenericResource> nodes) {
      return new java.util.AbstractMap<>() {
        @Override
        public GenericResource get(Object key) {
          GenericResource n = nodes.get(key);
          nodeKeys.add(String.valueOf(key));
          nodeValues.add(n);
          return n;
        }

        @Override
        public java.util.Set<Map.Entry<String, GenericResource>> entrySet() {
          return nodes.entrySet();
        }
      };
    }
  }
}
