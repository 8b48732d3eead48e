package dev.meshwright.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.validation.Protocol;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortProtocolsTest {
  @ParameterizedTest(name = "port {0} name ''{1}'' {2} appProtocol ''{3}'' -> {4}")
  @CsvSource(nullValues = "null", value = {
      "80, http, TCP, null, HTTP",
      "80, http-web, TCP, null, HTTP",
      "80, HTTP2-x, TCP, null, HTTP2",
      "80, grpc-web-x, TCP, null, GRPC_WEB",
      "80, grpc-x, TCP, null, GRPC",
      "80, web, TCP, null, UNSUPPORTED",
      "3306, db, TCP, null, TCP",
      "53, dns, UDP, null, UDP",
      "80, tcp-x, TCP, http, HTTP",
      "80, http, TCP, tcp, TCP",
      "80, http, TCP, kubernetes.io/h2c, HTTP2",
      "80, http, TCP, custom, UNSUPPORTED",
      "80, '', TCP, null, UNSUPPORTED",
      "27017, '', TCP, null, TCP",
  })
  void kubernetesPorts(int port, String name, String transport, String app, Protocol expected) {
    assertThat(PortProtocols.ofKubernetesPort(port, name, transport, Optional.ofNullable(app))).isEqualTo(expected);
  }
}
