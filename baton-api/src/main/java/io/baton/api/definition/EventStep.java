package io.baton.api.definition;

/**
 * Publishes an event, which wakes the wait steps of any run waiting for it (with a matching
 * correlation key) and reaches the engine's event listeners.
 *
 * @param event the event's type
 * @param data the payload, a template
 * @param correlationKey a template, or null
 */
public record EventStep(StepCommon common, String event, Object data, String correlationKey)
    implements StepDef {
  @Override
  public String type() {
    return "event";
  }

  @Override
  public EventStep withCommon(StepCommon c) {
    return new EventStep(c, event, data, correlationKey);
  }
}
