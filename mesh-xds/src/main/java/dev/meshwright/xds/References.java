package dev.meshwright.xds;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names one resource refers to: the route configurations listeners load by RDS, the EDS service names of
 * clusters. Used to decide what a wildcard RDS/EDS subscription means and for the referential check. Pure.
 */
public final class References {
  private References() {}

  private static final String HCM_TYPE =
      "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager";

  /** The RDS route names {@code listeners} refer to, sorted. */
  public static Set<String> routeNames(Collection<Listener> listeners) {
    Set<String> out = new TreeSet<>();
    for (Listener l : listeners) {
      if (l.hasApiListener()) {
        hcm(l.getApiListener().getApiListener()).ifPresent(h -> addRds(h, out));
      }
      for (FilterChain fc : l.getFilterChainsList()) {
        addChain(fc, out);
      }
      if (l.hasDefaultFilterChain()) {
        addChain(l.getDefaultFilterChain(), out);
      }
    }
    return out;
  }

  private static void addChain(FilterChain fc, Set<String> out) {
    for (Filter f : fc.getFiltersList()) {
      if (f.hasTypedConfig() && f.getTypedConfig().getTypeUrl().equals(HCM_TYPE)) {
        try {
          String name = rdsName(f.getTypedConfig().getValue());
          if (name != null) {
            out.add(name);
          }
        } catch (IOException | RuntimeException e) {
          hcm(f.getTypedConfig()).ifPresent(h -> addRds(h, out));
        }
      }
    }
  }

  private static final int RDS = HttpConnectionManager.getDescriptor().findFieldByName("rds").getNumber();
  private static final int ROUTE_CONFIG_NAME = io.envoyproxy.envoy.extensions.filters.network
      .http_connection_manager.v3.Rds.getDescriptor().findFieldByName("route_config_name").getNumber();

  /**
   * The RDS route name in a serialized HTTP connection manager, read from its {@code rds} field alone (parsing the
   * whole manager, filters and all, costs more than the rest of this lookup); null when it has no {@code rds} (an
   * inline route configuration, as inbound chains have). Throws when the bytes are not what they should be (the
   * caller then parses the manager whole).
   */
  private static String rdsName(com.google.protobuf.ByteString hcm) throws IOException {
    com.google.protobuf.CodedInputStream in = hcm.newCodedInput();
    String name = null;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (com.google.protobuf.WireFormat.getTagFieldNumber(tag) != RDS) {
        in.skipField(tag);
        continue;
      }
      int old = in.pushLimit(in.readRawVarint32());
      name = "";
      for (int t = in.readTag(); t != 0; t = in.readTag()) {
        if (com.google.protobuf.WireFormat.getTagFieldNumber(t) == ROUTE_CONFIG_NAME) {
          name = in.readStringRequireUtf8();
        } else {
          in.skipField(t);
        }
      }
      in.popLimit(old);
    }
    return name;
  }

  private static void addRds(HttpConnectionManager h, Set<String> out) {
    if (h.hasRds()) {
      out.add(h.getRds().getRouteConfigName());
    }
  }

  /** The HTTP connection manager packed in {@code any}, if that is what it holds. */
  public static Optional<HttpConnectionManager> hcm(Any any) {
    if (!any.getTypeUrl().equals(HCM_TYPE)) {
      return Optional.empty();
    }
    try {
      return Optional.of(any.unpack(HttpConnectionManager.class));
    } catch (InvalidProtocolBufferException e) {
      return Optional.empty();
    }
  }

  /** The EDS service names of the EDS clusters among {@code clusters}, in cluster order. */
  public static Set<String> edsNames(Collection<Cluster> clusters) {
    Set<String> out = new LinkedHashSet<>();
    for (Cluster c : clusters) {
      if (c.hasType() ? c.getType() == Cluster.DiscoveryType.EDS : false) {
        String n = c.getEdsClusterConfig().getServiceName();
        out.add(n.isEmpty() ? c.getName() : n);
      }
    }
    return out;
  }
}
