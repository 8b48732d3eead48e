package dev.meshwright.api.networking;

import static dev.meshwright.api.networking.NetworkingFixtures.errors;
import static dev.meshwright.api.networking.NetworkingFixtures.read;
import static dev.meshwright.api.networking.NetworkingFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.yaml.MeshYaml;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServiceEntryTest {
  private static final String HEADER = """
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata:
        name: ext
        namespace: ns
      spec:
      """;

  @Test
  @DisplayName("a built ServiceEntry writes as v1 YAML and reads back equal")
  void roundTrip() {
    ServiceEntry se = ServiceEntry.builder()
        .metadata(ObjectMeta.of("db", "ns"))
        .spec(ServiceEntrySpec.builder()
            .addHosts("db.example.com")
            .addAddresses("10.1.0.0/16")
            .addPorts(ServicePort.builder().number(5432).protocol("TCP").name("tcp-pg").targetPort(15432).build())
            .location(ServiceEntrySpec.Location.MESH_INTERNAL)
            .resolution(ServiceEntrySpec.Resolution.STATIC)
            .addEndpoints(WorkloadEntrySpec.builder().address("10.1.2.3").putPort("tcp-pg", 6432)
                .putLabel("app", "db").network("net-1").locality("eu/west1/a").weight(3).serviceAccount("db")
                .build())
            .addExportTo(".")
            .addSubjectAltNames("spiffe://cluster.local/ns/ns/sa/db")
            .build())
        .build();
    String yaml = MeshYaml.standard().writeYaml(se);
    assertThat(yaml).startsWith("apiVersion: networking.istio.io/v1\nkind: ServiceEntry\n")
        .contains("resolution: STATIC", "targetPort: 15432", "tcp-pg: 6432", "weight: 3");
    assertThat(read(yaml)).isEqualTo(se);
    assertThat(MeshValidator.create().validate(se)).isEmpty();
  }

  @Test
  @DisplayName("older versions are read and keep their apiVersion")
  void readsV1alpha3() {
    ServiceEntry se = (ServiceEntry) read(HEADER.replace("/v1\n", "/v1alpha3\n") + "  hosts: [a.example.com]\n");
    assertThat(se.apiVersion()).isEqualTo("networking.istio.io/v1alpha3");
    assertThat(se.spec().hosts()).containsExactly("a.example.com");
  }

  @Test
  @DisplayName("hosts: '*' is rejected, partial wildcards and short names only warn or pass")
  void hosts() {
    assertThat(errors(HEADER + "  hosts: ['*']\n")).containsExactly("spec.hosts[0]: invalid host *");
    assertThat(validate(HEADER + "  hosts: ['*foo.com', short]\n  addresses: [10.0.0.1]\n"))
        .containsExactly("warning spec.hosts[0]: partial wildcard \"*foo.com\" not allowed");
  }

  @Test
  @DisplayName("addresses must be IPs or CIDR blocks; CIDRs only for NONE and STATIC")
  void addresses() {
    assertThat(errors(HEADER + """
          hosts: [a.example.com]
          addresses: [10.0.0.256, "10.0.0.0/33", "::1", "fe80::1%eth0", "2001:db8::/32"]
          ports: [{number: 80, name: http, protocol: HTTP}]
          resolution: DNS
        """)).containsExactly(
        "spec.addresses[0]: 10.0.0.256 is not a valid IP",
        "spec.addresses[1]: 10.0.0.0/33 is not a valid CIDR block",
        "spec.addresses: CIDR addresses are allowed only for NONE/STATIC resolution types");
  }

  @Test
  @DisplayName("STATIC endpoints must be IPs and name declared ports; DNS endpoints may be names")
  void endpointsPerResolution() {
    String ports = "  ports: [{number: 80, name: http, protocol: HTTP}]\n";
    assertThat(errors(HEADER + "  hosts: [a.example.com]\n" + ports + """
          resolution: STATIC
          endpoints:
          - address: db.example.com
            ports: {grpc: 81}
        """)).containsExactly(
        "spec.endpoints[0].address: endpoint address \"db.example.com\" is not a valid IP address",
        "spec.endpoints[0].ports[grpc]: endpoint port 81 is not defined by the service entry");
    assertThat(errors(HEADER + "  hosts: [a.example.com]\n" + ports + """
          resolution: DNS
          endpoints:
          - address: db.example.com
          - address: 1.1.1.1
        """)).isEmpty();
    assertThat(errors(HEADER + "  hosts: [a.example.com]\n" + ports + """
          resolution: DNS
          endpoints:
          - address: unix:///var/run/sock
        """)).containsExactly(
        "spec.endpoints[0].address: endpoint address \"unix:///var/run/sock\" is not a valid FQDN or an IP address");
  }

  @Test
  @DisplayName("several hosts share a TCP port only with resolution NONE; with addresses that only warns")
  void multipleHostsTcp() {
    String body = """
          hosts: [a.example.com, b.example.com]
          addresses: [10.0.0.1]
          ports: [{number: 443, name: https, protocol: HTTPS}]
          resolution: DNS
        """;
    assertThat(validate(HEADER + body)).containsExactly(
        "warning spec: service entry can not have more than one host specified simultaneously with address and tcp port");
    assertThat(errors(HEADER + body.replace("HTTPS", "MONGO"))).containsExactly(
        "spec: multiple hosts provided with non-HTTP, non-TLS ports");
  }

  @Test
  @DisplayName("exportTo accepts ~ alone on a ServiceEntry")
  void exportTo() {
    String body = "  hosts: [a.example.com]\n  addresses: [10.0.0.1]\n  exportTo: ";
    assertThat(errors(HEADER + body + "['~']\n")).isEmpty();
    assertThat(errors(HEADER + body + "['~', '*']\n")).containsExactly(
        "spec.exportTo: cannot have both public (*) and non-public exportTo values for a resource",
        "spec.exportTo: cannot export service entry to no one (~) and someone");
  }
}
