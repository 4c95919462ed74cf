package io.baton.server.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.server.support.Api;
import io.baton.server.support.ServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A burst of events published together ({@link EventBus#publishAll}, what the runs' status changes
 * use) is stored in one transaction — all of it or none — and each event then reacts as one
 * published alone does.
 */
class EventBurstTest extends ServerTest {
  @Autowired EventBus bus;
  @Autowired EventOutbox outbox;

  private static EventBus.Addressed event(String namespace, String type, Object data) {
    return new EventBus.Addressed(namespace, new EventBus.Draft(type, "test", "s", null, data));
  }

  /** Data whose JSON cannot be written. */
  static final class Unwritable {
    public String getValue() {
      throw new IllegalStateException("this value cannot be written");
    }
  }

  @Test
  void aBurstIsStoredInOrderAndEachEventStartsItsTriggers() {
    String ns = "burst-stored";
    Api api = admin.in(ns);
    api.postText(
        "/api/v1/workflows",
        """
        id: on-paid
        steps:
          - {id: note, type: transform, value: "${inputs.event.data.n}"}
        """,
        "application/yaml");
    Api.Response trigger =
        api.post(
            "/api/v1/events/triggers",
            Map.of("id", "paid-t", "workflowId", "on-paid", "type", "order.paid"));
    assertThat(trigger.status()).as(trigger.body()).isEqualTo(201);

    List<SystemEvent> stored =
        bus.publishAll(
            List.of(
                event(ns, "order.placed", Map.of("n", 1)),
                event(ns, "order.paid", Map.of("n", 2)),
                event("burst-elsewhere", "order.paid", Map.of("n", 3))));

    assertThat(stored)
        .extracting(SystemEvent::type)
        .containsExactly("order.placed", "order.paid", "order.paid");
    assertThat(stored.get(1).seq()).isGreaterThan(stored.get(0).seq());
    assertThat(bus.history(ns, new EventBus.Filter("order.*", null, null, -1), 10))
        .extracting(SystemEvent::id)
        .containsExactly(stored.get(0).id(), stored.get(1).id());
    assertThat(outbox.pending(ns, 10))
        .extracting(PendingReaction::eventId)
        .as("every reaction of the burst ran, none left behind")
        .doesNotContainAnyElementsOf(stored.stream().map(SystemEvent::id).toList());
    assertThat(api.get("/api/v1/executions?workflowId=on-paid").json().get("items"))
        .as("the trigger started once, for the paid event of its namespace")
        .hasSize(1);
  }

  @Test
  void aBurstWithAnEventThatCannotBeStoredStoresNoneOfIt() {
    String ns = "burst-refused";
    Object unwritable = new Unwritable();

    assertThatThrownBy(
            () ->
                bus.publishAll(
                    List.of(
                        event(ns, "order.placed", Map.of("n", 1)),
                        event(ns, "order.paid", unwritable))))
        .isInstanceOf(RuntimeException.class);

    assertThat(bus.history(ns, new EventBus.Filter(null, null, null, -1), 10))
        .as("the first event rolled back with the second")
        .isEmpty();
    assertThat(outbox.pending(ns, 10)).isEmpty();
  }
}
