package dev.meshwright.model.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SharedRoutesTest {
  @Test
  @DisplayName("appends write into spare capacity that other views share; sorting one view shows through the others")
  void sharesBackingArray() {
    SharedRoutes<String> three = SharedRoutes.<String>empty().append("b").append("c").append("d");
    SharedRoutes<String> four = three.appendAll(SharedRoutes.<String>empty().append("a"));
    four.sortInPlace(Comparator.naturalOrder());
    assertThat(four.toList()).containsExactly("a", "b", "c", "d");
    assertThat(three.toList()).containsExactly("a", "b", "c");
  }

  @Test
  @DisplayName("capacity grows like Go's append for pointer slices: 1, 2, 4, then size classes")
  void growsLikeGo() {
    SharedRoutes<String> two = SharedRoutes.<String>empty().append("a").append("b");
    SharedRoutes<String> grown = two.append("c");
    grown.sortInPlace(Comparator.reverseOrder());
    assertThat(two.toList()).containsExactly("a", "b");
    SharedRoutes<String> five = SharedRoutes.<String>withCapacity(2).append("x").append("y")
        .appendAll(SharedRoutes.<String>empty().append("p").append("q").append("r"));
    SharedRoutes<String> six = five.append("s");
    six.sortInPlace(Comparator.naturalOrder());
    assertThat(five.toList()).containsExactly("p", "q", "r", "s", "x");
  }
}
