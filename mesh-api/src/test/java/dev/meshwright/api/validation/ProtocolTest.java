package dev.meshwright.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtocolTest {
  @ParameterizedTest
  @CsvSource({"http,HTTP", "HTTP2,HTTP2", "gRPC-Web,GRPC_WEB", "http_proxy,HTTP_PROXY", "tls,TLS", "Mongo,MONGO",
      "grpc_web,UNSUPPORTED", "h2c,UNSUPPORTED", "'',UNSUPPORTED"})
  @DisplayName("parses Istio's protocol names case-insensitively")
  void parse(String name, Protocol want) {
    assertThat(Protocol.parse(name)).isEqualTo(want);
  }

  @Test
  @DisplayName("ValidateProtocol: empty is sniffed, unknown names are errors")
  void check() {
    assertThat(Protocol.check("")).isEmpty();
    assertThat(Protocol.check("Redis")).isEmpty();
    assertThat(Protocol.check("h2c")).contains("unsupported protocol: h2c");
  }

  @Test
  @DisplayName("classifies protocols as HTTP, TCP and TLS the way listeners are built")
  void classes() {
    assertThat(Protocol.GRPC.isHttp()).isTrue();
    assertThat(Protocol.HTTPS.isHttp()).isFalse();
    assertThat(Protocol.HTTPS.isTcp()).isTrue();
    assertThat(Protocol.HTTPS.isTls()).isTrue();
    assertThat(Protocol.UDP.isTcp()).isFalse();
    assertThat(Protocol.MYSQL.isTls()).isFalse();
  }
}
