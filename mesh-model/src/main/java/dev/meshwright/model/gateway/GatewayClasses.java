package dev.meshwright.model.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The GatewayClasses Istio handles: the built-in ones ({@code istio}, {@code istio-waypoint}) plus every
 * GatewayClass object naming a known controller, each of which gets an {@code Accepted} status. Stateless.
 */
final class GatewayClasses {
  static final String GATEWAY_CONTROLLER = "istio.io/gateway-controller";
  static final String MESH_CONTROLLER = "istio.io/mesh-controller";

  /**
   * What Istio knows about a controller.
   *
   * @param disableNameSuffix whether the gateway Service is named after the Gateway alone
   * @param ipAddressType whether status reports IP addresses (else hostnames)
   */
  record ClassInfo(String controller, boolean disableNameSuffix, boolean ipAddressType) {}

  private static final Map<String, ClassInfo> INFOS = Map.of(
      GATEWAY_CONTROLLER, new ClassInfo(GATEWAY_CONTROLLER, false, false),
      MESH_CONTROLLER, new ClassInfo(MESH_CONTROLLER, true, true));

  private GatewayClasses() {}

  static ClassInfo info(String controller) {
    return INFOS.get(controller);
  }

  /** Class name to controller name, recording each handled class's status in {@code statuses}. */
  static Map<String, String> resolve(List<GatewayClass> classes, ConversionContext ctx,
      Map<GatewayClass, GatewayClassStatus> statuses) {
    Map<String, String> res = new HashMap<>();
    res.put("istio", GATEWAY_CONTROLLER);
    res.put("istio-waypoint", MESH_CONTROLLER);
    for (GatewayClass gc : classes) {
      String controller = gc.getSpec() == null ? null : gc.getSpec().getControllerName();
      if (controller == null || !INFOS.containsKey(controller)) {
        continue;
      }
      res.put(Fabric8Meta.name(gc.getMetadata()), controller);
      GatewayClassStatus st = new GatewayClassStatus();
      st.setConditions(new Conditions()
          .put("Accepted", "Accepted", "Handled by Istio controller")
          .build(Fabric8Meta.generation(gc.getMetadata()), ctx.env().clock()));
      statuses.put(gc, st);
    }
    return res;
  }
}
