package dev.meshwright.xds.server;

import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.Subscriptions;
import dev.meshwright.xds.XdsResources;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link ConfigSource} over {@link TestMesh#source()} that counts full and EDS-only generations per proxy ID. */
final class CountingSource implements ConfigSource {
  private final ConfigSource delegate = TestMesh.source();
  private final Map<String, AtomicInteger> full = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> endpoints = new ConcurrentHashMap<>();

  @Override
  public XdsResources generate(MeshSnapshot snapshot, Proxy proxy, Subscriptions subscriptions) {
    full.computeIfAbsent(proxy.id(), k -> new AtomicInteger()).incrementAndGet();
    return delegate.generate(snapshot, proxy, subscriptions);
  }

  @Override
  public XdsResources endpoints(MeshSnapshot snapshot, Proxy proxy, Set<String> clusterNames) {
    endpoints.computeIfAbsent(proxy.id(), k -> new AtomicInteger()).incrementAndGet();
    return delegate.endpoints(snapshot, proxy, clusterNames);
  }

  /** Full generations for proxy ID {@code <pod>.<namespace>}. */
  int full(String proxyId) {
    AtomicInteger n = full.get(proxyId);
    return n == null ? 0 : n.get();
  }

  /** EDS-only generations for proxy ID {@code <pod>.<namespace>}. */
  int endpoints(String proxyId) {
    AtomicInteger n = endpoints.get(proxyId);
    return n == null ? 0 : n.get();
  }
}
