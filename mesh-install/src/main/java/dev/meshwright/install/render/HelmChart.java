package dev.meshwright.install.render;

import java.util.Locale;
import java.util.Optional;

/** The Istio Helm charts {@code meshctl x helm-template} renders. */
public enum HelmChart {
  /** {@code base}: CRDs, the reader service account, the default-revision validator. */
  BASE("base"),
  /** {@code istiod} ({@code istio-control/istio-discovery}): the control plane. */
  ISTIOD("istiod"),
  /** {@code gateway}: a standalone, injection-templated gateway. */
  GATEWAY("gateway"),
  /** {@code cni} ({@code istio-cni}): the CNI node agent DaemonSet and its RBAC and config. */
  CNI("cni"),
  /** {@code ztunnel}: the ambient node proxy DaemonSet. */
  ZTUNNEL("ztunnel");

  private final String chartName;

  HelmChart(String chartName) {
    this.chartName = chartName;
  }

  /** The chart's name. */
  public String chartName() {
    return chartName;
  }

  /** The chart named {@code name} ({@code istio-discovery} and {@code istio-cni} are accepted too), if any. */
  public static Optional<HelmChart> named(String name) {
    String n = name.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    n = n.substring(n.lastIndexOf('/') + 1);
    for (HelmChart c : values()) {
      if (c.chartName.equals(n)) {
        return Optional.of(c);
      }
    }
    if (n.equals("istio-discovery")) {
      return Optional.of(ISTIOD);
    }
    return n.equals("istio-cni") ? Optional.of(CNI) : Optional.empty();
  }
}
