package dev.meshwright.inject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The proxy's (and istio-init's) resource block: the {@code sidecar.istio.io/proxyCPU}, {@code proxyMemory},
 * {@code proxyCPULimit} and {@code proxyMemoryLimit} annotations when any is set (only the ones set are written),
 * else {@code global.proxy.resources}. Quantities come out canonical. Stateless.
 */
final class ProxyResources {
  static final String CPU = "sidecar.istio.io/proxyCPU";
  static final String MEMORY = "sidecar.istio.io/proxyMemory";
  static final String CPU_LIMIT = "sidecar.istio.io/proxyCPULimit";
  static final String MEMORY_LIMIT = "sidecar.istio.io/proxyMemoryLimit";

  private ProxyResources() {}

  /** The resources block, empty when neither annotations nor values give one. */
  static Optional<ObjectNode> of(TemplateInput in) {
    var a = in.annotations;
    boolean requests = a.containsKey(CPU) || a.containsKey(MEMORY);
    boolean limits = a.containsKey(CPU_LIMIT) || a.containsKey(MEMORY_LIMIT);
    ObjectNode out;
    if (requests || limits) {
      out = Json.obj();
      if (requests) {
        ObjectNode r = out.putObject("requests");
        if (a.containsKey(CPU)) {
          r.put("cpu", a.get(CPU));
        }
        if (a.containsKey(MEMORY)) {
          r.put("memory", a.get(MEMORY));
        }
      }
      if (limits) {
        ObjectNode l = out.putObject("limits");
        if (a.containsKey(CPU_LIMIT)) {
          l.put("cpu", a.get(CPU_LIMIT));
        }
        if (a.containsKey(MEMORY_LIMIT)) {
          l.put("memory", a.get(MEMORY_LIMIT));
        }
      }
    } else {
      Optional<ObjectNode> fromValues = in.values.object("global.proxy.resources").filter(o -> !o.isEmpty());
      if (fromValues.isEmpty()) {
        return Optional.empty();
      }
      out = fromValues.get();
    }
    Quantities.canonicalizeResources(out);
    return Optional.of(out);
  }
}
