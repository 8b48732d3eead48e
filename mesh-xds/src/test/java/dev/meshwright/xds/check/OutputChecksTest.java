package dev.meshwright.xds.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.xds.Subscriptions;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.XdsResources;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutputChecksTest {
  private final ProtoRules rules = ProtoRules.with(TypeRegistry.envoy());

  private static Cluster cluster(String name) {
    return Cluster.newBuilder().setName(name).setType(Cluster.DiscoveryType.STATIC)
        .setConnectTimeout(Duration.newBuilder().setSeconds(10)).build();
  }

  private static Listener listener(String statPrefix, String routeName) {
    HttpConnectionManager hcm = HttpConnectionManager.newBuilder().setStatPrefix(statPrefix)
        .setRds(Rds.newBuilder().setRouteConfigName(routeName).setConfigSource(
            io.envoyproxy.envoy.config.core.v3.ConfigSource.newBuilder().setAds(
                io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource.getDefaultInstance()))).build();
    return Listener.newBuilder().setName("0.0.0.0_8080")
        .setAddress(Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setAddress("0.0.0.0")
            .setPortValue(8080)))
        .addFilterChains(FilterChain.newBuilder().addFilters(Filter.newBuilder()
            .setName("envoy.filters.network.http_connection_manager").setTypedConfig(Any.pack(hcm))))
        .build();
  }

  @Test
  @DisplayName("a well-formed cluster has no violations")
  void valid() {
    assertThat(rules.violations(cluster("outbound|80||a.b.svc.cluster.local"))).isEmpty();
  }

  @Test
  @DisplayName("a string min_len rule and a duration gt rule are reported with their field paths")
  void scalarRules() {
    Cluster bad = cluster("").toBuilder().setConnectTimeout(Duration.newBuilder().setSeconds(-1)).build();
    assertThat(rules.violations(bad)).anyMatch(v -> v.startsWith("name: value length must be at least 1"))
        .anyMatch(v -> v.startsWith("connect_timeout: value"));
  }

  @Test
  @DisplayName("repeated min_items inside nested messages is reported with the list index in the path")
  void repeatedRules() {
    RouteConfiguration rc = RouteConfiguration.newBuilder().setName("80")
        .addVirtualHosts(VirtualHost.newBuilder().setName("vh")).build();
    assertThat(rules.violations(rc)).contains("virtual_hosts[0].domains: value must contain at least 1 item(s)");
  }

  @Test
  @DisplayName("the payload of an Any whose type is known is checked too")
  void anyPayload() {
    assertThat(rules.violations(listener("", "8080")))
        .anyMatch(v -> v.startsWith("filter_chains[0].filters[0].typed_config.stat_prefix: value length"));
  }

  @Test
  @DisplayName("an invalid resource is left out with an error naming it; the others are still produced")
  void invalidLeftOut() {
    XdsResources out = XdsResources.builder()
        .add(XdsResource.of("ok", cluster("ok")))
        .add(XdsResource.of("", cluster("")))
        .build();
    XdsResources checked = OutputChecks.standard().apply(out, Subscriptions.all());
    assertThat(checked.of(TypeUrls.CLUSTER)).containsOnlyKeys("ok");
    assertThat(checked.diagnostics()).filteredOn(Diagnostic::isError).singleElement()
        .satisfies(d -> assertThat(d.path()).isEqualTo("name"))
        .satisfies(d -> assertThat(d.message()).contains("CDS resource left out"));
  }

  @Test
  @DisplayName("a route to a missing cluster and a listener naming a missing route configuration are warnings")
  void danglingReferences() {
    RouteConfiguration rc = RouteConfiguration.newBuilder().setName("8080")
        .addVirtualHosts(VirtualHost.newBuilder().setName("vh").addDomains("*")
            .addRoutes(Route.newBuilder().setMatch(RouteMatch.newBuilder().setPrefix("/"))
                .setRoute(RouteAction.newBuilder().setCluster("outbound|8080||missing")))).build();
    XdsResources out = XdsResources.builder()
        .add(XdsResource.of("8080", rc))
        .add(XdsResource.of("0.0.0.0_8080", listener("l", "9090")))
        .build();
    List<Diagnostic> ds = OutputChecks.standard().apply(out, Subscriptions.all()).diagnostics();
    assertThat(ds).hasSize(2).noneMatch(Diagnostic::isError);
    assertThat(ds).anyMatch(d -> d.message().contains("cluster \"outbound|8080||missing\""))
        .anyMatch(d -> d.message().contains("route configuration \"9090\""));
    assertThat(OutputChecks.standard().apply(out, Subscriptions.all().with(TypeUrls.CLUSTER, java.util.Set.of("x")))
        .diagnostics()).hasSize(1);
  }
}
