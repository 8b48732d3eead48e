package dev.meshwright.model.kube;

import dev.meshwright.api.ResourceKind;
import dev.meshwright.api.kinds.IstioKinds;
import dev.meshwright.fabric8.ResourceDefinitions;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One kind the Kubernetes source watches: its REST coordinates and, for the mesh ConfigMap, the one
 * namespace and the names to keep. Immutable.
 *
 * @param context group, version, kind, plural and scope
 * @param namespace the only namespace to watch, empty for all
 * @param names the only names to keep, empty for all
 */
public record WatchedKind(ResourceDefinitionContext context, String namespace, List<String> names) {
  public WatchedKind {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(namespace, "namespace");
    names = List.copyOf(names);
  }

  static WatchedKind of(String group, String version, String kind, String plural, boolean namespaced) {
    return new WatchedKind(new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version)
        .withKind(kind).withPlural(plural).withNamespaced(namespaced).build(), "", List.of());
  }

  /** {@code group/Kind} (or just {@code Kind} for the core group). */
  public String id() {
    String g = context.getGroup();
    return g == null || g.isEmpty() ? context.getKind() : g + "/" + context.getKind();
  }

  /**
   * What a control plane watches: every Istio kind, the Gateway API kinds, Services, EndpointSlices, Pods,
   * Namespaces, Nodes, and the mesh ConfigMap ({@code istio} and {@code istio-REVISION}) in {@code istioNamespace}.
   */
  public static List<WatchedKind> controlPlane(String istioNamespace, String revision) {
    List<WatchedKind> out = new ArrayList<>();
    for (ResourceKind<?, ?> k : IstioKinds.ALL) {
      out.add(new WatchedKind(ResourceDefinitions.context(k), "", List.of()));
    }
    String gw = "gateway.networking.k8s.io";
    out.add(of(gw, "v1", "GatewayClass", "gatewayclasses", false));
    out.add(of(gw, "v1", "Gateway", "gateways", true));
    out.add(of(gw, "v1", "HTTPRoute", "httproutes", true));
    out.add(of(gw, "v1", "GRPCRoute", "grpcroutes", true));
    out.add(of(gw, "v1beta1", "ReferenceGrant", "referencegrants", true));
    out.add(of(gw, "v1alpha2", "TCPRoute", "tcproutes", true));
    out.add(of(gw, "v1alpha2", "TLSRoute", "tlsroutes", true));
    out.add(of("", "v1", "Service", "services", true));
    out.add(of("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true));
    out.add(of("", "v1", "Pod", "pods", true));
    out.add(of("", "v1", "Namespace", "namespaces", false));
    out.add(of("", "v1", "Node", "nodes", false));
    List<String> names = revision.isEmpty() || revision.equals("default")
        ? List.of("istio") : List.of("istio", "istio-" + revision);
    out.add(new WatchedKind(of("", "v1", "ConfigMap", "configmaps", true).context(), istioNamespace, names));
    return List.copyOf(out);
  }
}
