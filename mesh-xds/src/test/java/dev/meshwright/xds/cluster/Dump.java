package dev.meshwright.xds.cluster;

import com.google.protobuf.util.JsonFormat;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.XdsResource;

/** Prints generator output as JSON; for eyeballing while writing tests. */
final class Dump {
  private Dump() {}

  static final JsonFormat.TypeRegistry TYPES = JsonFormat.TypeRegistry.newBuilder()
      .add(io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext.getDescriptor())
      .add(io.envoyproxy.envoy.extensions.transport_sockets.raw_buffer.v3.RawBuffer.getDescriptor())
      .add(io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions.getDescriptor())
      .add(com.github.udpa.udpa.type.v1.TypedStruct.getDescriptor())
      .build();

  static String json(ResourceGenerator.Output out) {
    StringBuilder sb = new StringBuilder();
    for (XdsResource r : out.resources()) {
      try {
        sb.append(JsonFormat.printer().usingTypeRegistry(TYPES).print(r.message())).append('\n');
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return sb.toString();
  }
}
