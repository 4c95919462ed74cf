package io.baton.server.degradation;

import io.baton.api.time.TimeSource;
import io.baton.server.audit.AuditLog;
import io.baton.server.events.EventBus;
import io.baton.server.security.Caller;
import io.baton.server.security.Grants;
import io.baton.server.security.Role;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The server's degradation level (seed 002), evaluated every {@code
 * baton.degradation.evaluation-interval} on the server's clock from the {@link DegradationProbe}'s
 * signals. A worse level is entered once its signals have been seen at {@code confirmations}
 * evaluations in a row (a pool busy for an instant does not make the server read-only); it is left
 * one level at a time, each step after {@code recovery-hold} at the current level (seed 002's
 * gradual recovery). An administrator may set a level (level 4, maintenance, is only entered so);
 * the effective level is the worse of the two. Every change of the effective level is logged,
 * audited, published as a {@code degradation.changed} event, shown by the {@code
 * baton.degradation.level} gauge and told to the {@link ModelStepAdmission} (no model calls from
 * level 3).
 */
@Component
public class Degradation implements DisposableBean {
  /** The actor of automatic changes in the audit log. */
  static final Caller SYSTEM = new Caller("system", "default", Role.ADMIN, Grants.parse(List.of()));

  private static final Logger LOG = LoggerFactory.getLogger(Degradation.class);

  private final DegradationProbe probe;
  private final TimeSource clock;
  private final EventBus events;
  private final AuditLog audit;
  private final ModelStepAdmission models;
  private final Settings settings;
  private DegradationLevel automatic = DegradationLevel.NORMAL;
  private DegradationLevel pending = DegradationLevel.NORMAL;
  private int seen;
  private Instant changedAt;
  private List<String> reasons = List.of();
  private ManualLevel manual;
  private volatile DegradationLevel effective = DegradationLevel.NORMAL;
  private volatile TimeSource.Cancellable next;
  private volatile boolean stopped;

  /**
   * The evaluation settings.
   *
   * @param interval how often the signals are read
   * @param confirmations evaluations in a row that must call for a worse level before it is entered
   * @param recoveryHold how long each level is kept before stepping down to the next one
   */
  record Settings(Duration interval, int confirmations, Duration recoveryHold) {}

  /**
   * A level set by an administrator.
   *
   * @param level the level
   * @param reason why, as they said
   * @param by who
   * @param at when
   * @param expectedRecovery when they expect to lift it, or null (sent as {@code Retry-After})
   */
  public record ManualLevel(
      DegradationLevel level, String reason, String by, Instant at, Instant expectedRecovery) {}

  Degradation(
      DegradationProbe probe,
      TimeSource clock,
      EventBus events,
      AuditLog audit,
      ModelStepAdmission models,
      MeterRegistry registry,
      @Value("${baton.degradation.evaluation-interval:10s}") Duration interval,
      @Value("${baton.degradation.confirmations:2}") int confirmations,
      @Value("${baton.degradation.recovery-hold:60s}") Duration recoveryHold) {
    this.probe = probe;
    this.clock = clock;
    this.events = events;
    this.audit = audit;
    this.models = models;
    this.settings = new Settings(interval, Math.max(1, confirmations), recoveryHold);
    this.changedAt = clock.now();
    Gauge.builder("baton.degradation.level", () -> effective.number())
        .description("the server's degradation level (seed 002): 0 normal to 4 maintenance")
        .register(registry);
    scheduleNext();
  }

  private void scheduleNext() {
    if (!stopped) {
      next =
          clock.schedule(
              clock.now().plus(settings.interval()),
              () -> {
                try {
                  evaluate();
                } catch (RuntimeException e) {
                  LOG.warn("degradation evaluation failed; it goes on at the next interval", e);
                }
                scheduleNext();
              });
    }
  }

  /** The level in force now. */
  public DegradationLevel level() {
    return effective;
  }

  /** Reads the signals and moves the automatic level as they say. */
  public synchronized void evaluate() {
    DegradationSignals signals = probe.read();
    DegradationLevel wanted = signals.level();
    Instant now = clock.now();
    reasons = signals.reasons();
    if (wanted.compareTo(automatic) > 0) {
      seen = wanted == pending ? seen + 1 : 1;
      pending = wanted;
      if (seen >= settings.confirmations()) {
        automatic = wanted;
        changedAt = now;
      }
    } else {
      seen = 0;
      pending = wanted;
      if (wanted.compareTo(automatic) < 0
          && !now.isBefore(changedAt.plus(settings.recoveryHold()))) {
        automatic = DegradationLevel.of(automatic.number() - 1);
        changedAt = now;
      }
    }
    apply(SYSTEM, String.join("; ", reasons));
  }

  /** Sets a level by hand (0 lifts the administrator's level), audited as {@code caller}'s. */
  public synchronized void set(Caller caller, ManualLevel requested) {
    ManualLevel before = manual;
    manual = requested.level() == DegradationLevel.NORMAL ? null : requested;
    audit.record(caller, "degradation.set", "degradation", "server", before, manual);
    apply(caller, "set by " + caller.subject() + ": " + requested.reason());
  }

  private void apply(Caller caller, String why) {
    DegradationLevel before = effective;
    DegradationLevel now =
        manual != null && manual.level().compareTo(automatic) > 0 ? manual.level() : automatic;
    if (now == before) {
      return;
    }
    effective = now;
    models.levelChanged(now);
    LOG.warn(
        "degradation level {} ({}) → {} ({}): {}",
        before.number(),
        before.title(),
        now.number(),
        now.title(),
        why);
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("from", before.number());
    change.put("to", now.number());
    change.put("title", now.title());
    change.put("reason", why);
    change.put("automatic", caller == SYSTEM);
    // the level changes even when its record cannot be written: the store may be what failed
    try {
      if (caller == SYSTEM) {
        audit.record(
            caller, "degradation.change", "degradation", "server", before.number(), change);
      }
      events.publish(
          "default",
          new EventBus.Draft("degradation.changed", "degradation", "server", null, change));
    } catch (RuntimeException e) {
      LOG.warn("the change of degradation level could not be audited or published", e);
    }
  }

  /** Seconds a refused client should wait before trying again ({@code Retry-After}). */
  public synchronized long retryAfterSeconds() {
    Instant until =
        manual != null && manual.expectedRecovery() != null
            ? manual.expectedRecovery()
            : clock.now().plus(settings.interval());
    return Math.max(1, Duration.between(clock.now(), until).toSeconds());
  }

  /** The state for the API: level, automatic level, the administrator's level, reasons. */
  public synchronized Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("level", effective.number());
    out.put("title", effective.title());
    out.put("turnedOff", effective.turnedOff());
    out.put("automaticLevel", automatic.number());
    out.put("reasons", reasons);
    out.put("manual", manual);
    out.put("automaticSince", changedAt);
    return out;
  }

  @Override
  public void destroy() {
    stopped = true;
    TimeSource.Cancellable pending = next;
    if (pending != null) {
      pending.cancel();
    }
  }
}
