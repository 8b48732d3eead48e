package dev.meshwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.testing.Golden;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MeshctlReferenceTest {
  @Test
  @DisplayName("docs/meshctl-reference.md is what the picocli command tree generates (-Dgolden.update=true rewrites it)")
  void referenceIsCurrent() {
    String reference = MeshctlReference.render();

    assertThat(reference).contains("### `meshctl validate`", "### `meshctl x check-inject`", "--revision");
    Golden.assertMatches(MeshctlReference.FILE, reference);
  }
}
