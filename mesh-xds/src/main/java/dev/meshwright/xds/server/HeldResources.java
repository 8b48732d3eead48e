package dev.meshwright.xds.server;

import com.google.protobuf.ByteString;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.XdsResources;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a stream holds, as {@link XdsResources} for {@code dev.meshwright.xds.ConfigDumps}, with every secret's
 * private key replaced by {@code [redacted]} as Envoy's own config dump does. Pure and stateless.
 */
final class HeldResources {
  private HeldResources() {}

  private static final ByteString REDACTED = ByteString.copyFrom("[redacted]", StandardCharsets.UTF_8);

  static XdsResources of(Map<String, Map<String, XdsResource>> held) {
    XdsResources.Builder out = XdsResources.builder();
    held.values().forEach(byName -> byName.values().forEach(r -> out.add(redact(r))));
    return out.build();
  }

  private static XdsResource redact(XdsResource r) {
    if (r.message() instanceof Secret s && s.hasTlsCertificate() && s.getTlsCertificate().hasPrivateKey()) {
      Secret.Builder b = s.toBuilder();
      b.getTlsCertificateBuilder().setPrivateKey(DataSource.newBuilder().setInlineBytes(REDACTED));
      return new XdsResource(r.name(), b.build(), r.version());
    }
    return r;
  }
}
