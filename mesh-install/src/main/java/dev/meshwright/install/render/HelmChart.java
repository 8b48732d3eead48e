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
  GATEWAY("gateway");

  private final String chartName;

  HelmChart(String chartName) {
    this.chartName = chartName;
  }

  /** The chart's name. */
  public String chartName() {
    return chartName;
  }

  /** The chart named {@code name} ({@code istio-discovery} is accepted for istiod), if any. */
  public static Optional<HelmChart> named(String name) {
    String n = name.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    n = n.substring(n.lastIndexOf('/') + 1);
    for (HelmChart c : values()) {
      if (c.chartName.equals(n)) {
        return Optional.of(c);
      }
    }
    return n.equals("istio-discovery") ? Optional.of(ISTIOD) : Optional.empty();
  }
}
