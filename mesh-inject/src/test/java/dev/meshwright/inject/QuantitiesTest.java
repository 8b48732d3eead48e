package dev.meshwright.inject;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"2000m,2", "1000m,1", "100m,100m", "1024Mi,1Gi", "128Mi,128Mi", "0.5,500m", "1500Mi,1500Mi",
      "1000M,1G", "abc,abc", "0,0"})
  void canonical(String in, String out) {
    assertThat(Quantities.canonical(in)).isEqualTo(out);
  }
}
