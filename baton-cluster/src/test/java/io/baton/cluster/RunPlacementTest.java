package io.baton.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where new runs go: the live node deciding the fewest runs, counting the runs placed since. */
class RunPlacementTest {

  @Test
  void aBurstOfStartsFillsTheIdlerNodesUpToThisOnesLoadThenAlternates() {
    RunPlacement placement = new RunPlacement("a");
    placement.refresh(Map.of("a", 3, "b", 1, "c", 2));

    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String to = placement.choose();
      chosen.add(to == null ? "here" : to);
    }

    assertThat(chosen).containsExactly("b", "b", "c", "here", "b", "c");
  }

  @Test
  void withoutCountsYetOrAloneEveryRunStaysHere() {
    RunPlacement placement = new RunPlacement("a");
    assertThat(placement.choose()).isNull();
    placement.refresh(Map.of("a", 0));
    assertThat(placement.choose()).isNull();
    assertThat(placement.choose()).isNull();
  }
}
