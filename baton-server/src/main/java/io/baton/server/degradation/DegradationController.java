package io.baton.server.degradation;

import io.baton.server.api.ApiError;
import io.baton.server.security.Caller;
import java.time.Instant;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The degradation level: {@code GET /api/v1/degradation} (any role), {@code PUT} to set a level by
 * hand and {@code DELETE} to lift it (admin).
 */
@RestController
public class DegradationController {
  private final Degradation degradation;
  private final io.baton.api.time.TimeSource clock;

  DegradationController(Degradation degradation, io.baton.api.time.TimeSource clock) {
    this.degradation = degradation;
    this.clock = clock;
  }

  /**
   * A level to set.
   *
   * @param level 0 to 4 (0 lifts the administrator's level)
   * @param reason why, shown to everyone
   * @param expectedRecovery when it should be lifted, or null
   */
  public record LevelRequest(Integer level, String reason, Instant expectedRecovery) {}

  /** The level in force, the automatic one, the administrator's, and why. */
  @GetMapping("/api/v1/degradation")
  public Map<String, Object> get() {
    return degradation.describe();
  }

  /** Sets the level by hand. */
  @PutMapping("/api/v1/degradation")
  public Map<String, Object> set(Caller caller, @RequestBody LevelRequest request) {
    if (request == null || request.level() == null) {
      throw ApiError.badField("/level", "missing-field", "level is a number from 0 to 4");
    }
    DegradationLevel level;
    try {
      level = DegradationLevel.of(request.level());
    } catch (IllegalArgumentException e) {
      throw ApiError.badField("/level", "invalid-level", e.getMessage());
    }
    if (request.reason() == null || request.reason().isBlank()) {
      throw ApiError.badField("/reason", "missing-field", "say why the level is set");
    }
    degradation.set(
        caller,
        new Degradation.ManualLevel(
            level, request.reason(), caller.subject(), clock.now(), request.expectedRecovery()));
    return degradation.describe();
  }

  /** Lifts the administrator's level; the automatic one stays. */
  @DeleteMapping("/api/v1/degradation")
  public Map<String, Object> lift(Caller caller) {
    degradation.set(
        caller,
        new Degradation.ManualLevel(
            DegradationLevel.NORMAL, "lifted", caller.subject(), clock.now(), null));
    return degradation.describe();
  }
}
