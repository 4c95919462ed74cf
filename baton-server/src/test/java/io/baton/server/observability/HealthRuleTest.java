package io.baton.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthRuleTest {
  @ParameterizedTest
  @CsvSource({
    "healthy healthy healthy healthy, healthy",
    "healthy healthy healthy unhealthy, warning",
    "healthy healthy unhealthy unhealthy, degraded",
    "healthy healthy healthy error, critical",
    "unhealthy unhealthy unhealthy error, critical"
  })
  void overallFollowsSeed001(String states, String expected) {
    List<HealthService.Component> components =
        List.of(states.split(" ")).stream().map(s -> new HealthService.Component(s, "")).toList();
    assertThat(HealthService.overall(components)).isEqualTo(expected);
  }
}
