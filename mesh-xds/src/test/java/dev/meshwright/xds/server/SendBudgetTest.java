package dev.meshwright.xds.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bound on bytes all streams leave queued in gRPC: who enters, who waits, and who is resumed when. */
class SendBudgetTest {
  private final List<String> resumed = new ArrayList<>();

  private Runnable resume(String name) {
    return () -> resumed.add(name);
  }

  @Test
  void pushesThatLeaveNothingQueuedNeverWait() {
    SendBudget budget = new SendBudget(100_000);
    for (int i = 0; i < 1_000; i++) {
      assertThat(budget.enter(resume("never"))).isTrue();
      budget.settle(0);
    }
    assertThat(budget.queued()).isZero();
    assertThat(resumed).isEmpty();
  }

  @Test
  void stalledBytesHoldLaterPushesUntilTheyDrainAndThoseResumeInArrivalOrder() {
    SendBudget budget = new SendBudget(200_000);
    assertThat(budget.enter(resume("x"))).isTrue();
    budget.settle(190_000);
    assertThat(budget.queued()).isEqualTo(190_000);

    assertThat(budget.enter(resume("a"))).isFalse();
    assertThat(budget.enter(resume("b"))).isFalse();
    assertThat(budget.waiting()).isEqualTo(2);
    assertThat(resumed).isEmpty();

    budget.release(190_000);
    assertThat(resumed).startsWith("a");
    assertThat(budget.queued()).isZero();
    // a resumed push has entered: it settles like any other, and the rest follow as room appears
    while (budget.waiting() > 0 || resumed.size() < 2) {
      budget.settle(0);
    }
    assertThat(resumed).containsExactly("a", "b");
  }

  @Test
  void aPushLargerThanTheWholeBudgetStillGoesWhenNothingElseIsQueued() {
    SendBudget budget = new SendBudget(1_000);
    assertThat(budget.enter(resume("big"))).isTrue();
    budget.settle(5_000);
    assertThat(budget.enter(resume("next"))).isFalse();
    budget.release(5_000);
    assertThat(resumed).containsExactly("next");
  }

  @Test
  void newPushesQueueBehindWaitingOnesEvenWhenRoomAppears() {
    SendBudget budget = new SendBudget(150_000);
    assertThat(budget.enter(resume("x"))).isTrue();
    budget.settle(140_000);
    assertThat(budget.enter(resume("first"))).isFalse();
    budget.release(140_000);
    assertThat(resumed).containsExactly("first");
    assertThat(budget.enter(resume("second"))).isTrue();
  }

  @Test
  void aBudgetMustBePositive() {
    assertThatThrownBy(() -> new SendBudget(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }
}
