package dev.meshwright.xds.route;

import dev.meshwright.api.networking.Percent;
import io.envoyproxy.envoy.type.v3.FractionalPercent;

/** Istio percentages to Envoy fractions: a {@code Percent} in millionths (truncated), an integer in hundredths. */
final class Percents {
  private Percents() {}

  static FractionalPercent of(Percent p) {
    return FractionalPercent.newBuilder().setNumerator((int) (long) (p.value().orElse(0.0) * 10000))
        .setDenominator(FractionalPercent.DenominatorType.MILLION).build();
  }

  static FractionalPercent ofInteger(int p) {
    return FractionalPercent.newBuilder().setNumerator(p).setDenominator(FractionalPercent.DenominatorType.HUNDRED)
        .build();
  }
}
