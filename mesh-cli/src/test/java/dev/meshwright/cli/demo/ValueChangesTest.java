package dev.meshwright.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ValueChangesTest {
  @Test
  @DisplayName("only paths whose value differs are listed, sorted, with (unset) for a path on one side only")
  void changedPaths() {
    String before = "a.enabled=false\nhub=\"docker.io/istio\"\nprofile=\"default\"\nold=1\n";
    String after = "profile=\"demo\"\nhub=\"docker.io/istio\"\na.enabled=true\nvalues.profile=\"demo\"\n";
    assertThat(ValueChanges.between(before, after)).containsExactly(
        "a.enabled: false → true", "old: 1 → (unset)", "profile: \"default\" → \"demo\"",
        "values.profile: (unset) → \"demo\"");
    assertThat(ValueChanges.between(before, before)).isEmpty();
  }
}
