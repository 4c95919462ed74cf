package io.baton.engine.runtime;

import io.baton.api.spi.RunListener;
import io.baton.api.store.RunStore;
import io.baton.api.store.TimerStore;
import io.baton.api.store.WaitStore;
import io.baton.api.time.TimeSource;
import io.baton.engine.planner.Planner;
import io.baton.engine.scheduler.StepScheduler;
import io.baton.engine.store.StoredValues;
import java.util.List;

/**
 * What every run's decider shares.
 *
 * @param clock the engine's time
 * @param planner the decision logic
 * @param journal where events are made durable, and runs are loaded from with their whole history
 * @param runs run summaries
 * @param timers durable timers
 * @param waits the index of suspended steps
 * @param scheduler grants capacity to handler-run steps
 * @param listeners observers of events (a live list)
 * @param deciders runs deciders' mailbox drains (virtual threads)
 * @param dispatcher where handler-run steps go when several nodes share the work, or null to run
 *     them on this engine's own virtual threads
 * @param wakeOnPublish whether the events {@code event} steps publish wake every run waiting for
 *     them; when false only the listeners receive them ({@link
 *     io.baton.api.spi.RunListener#onPublished}) and deliver them, e.g. within a tenant
 * @param values where step outputs over the inline limit are stored, and loaded from on demand
 * @param writes how the writes of a drain reach the store
 */
public record RuntimeServices(
    TimeSource clock,
    Planner planner,
    HistoryJournal journal,
    RunStore runs,
    TimerStore timers,
    WaitStore waits,
    StepScheduler scheduler,
    List<RunListener> listeners,
    DeciderThreads deciders,
    TaskDispatcher dispatcher,
    boolean wakeOnPublish,
    StoredValues values,
    DrainWrites writes) {}
