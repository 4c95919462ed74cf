package io.baton.ai.remote;

import io.baton.ai.AiConfigLoader;
import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentTask;
import io.baton.ai.internal.JsonCodec;
import io.baton.ai.step.AgentBehaviour;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a step runs on a remote agent: {@code POST <url>/tasks} with the task as JSON and the
 * attempt's idempotency key in {@code Idempotency-Key}; the agent answers {@code 200} with {@code
 * {"text": …, "json": …, "usage": {…}}}. Failures are classified so that the step's retry policy
 * applies: a refused connection, a 5xx or an agent that missed its heartbeats is {@code
 * unavailable}, a 429 {@code rate_limited}, no answer within {@code options.timeout} (default 60 s)
 * {@code timeout} — all retryable; another 4xx is {@code bad_input} and an answer that is not the
 * contract's JSON {@code bad_output}.
 */
public final class RemoteAgentCall implements AgentBehaviour {
  static final String URL = "url";
  static final String HEARTBEAT = "heartbeatInterval";
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final RemoteAgents agents;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Calls the agents of {@code agents}. */
  public RemoteAgentCall(RemoteAgents agents) {
    this.agents = agents;
  }

  @Override
  public Object perform(AgentDefinition agent, AgentTask task, StepContext context)
      throws InterruptedException {
    String where = "remote agent '" + agent.name() + "' at " + agent.options().get(URL);
    if (!agents.available(agent)) {
      throw new StepException(
          ErrorKind.UNAVAILABLE,
          where
              + " missed its heartbeats (last "
              + agents.lastHeartbeat(agent.name()).map(Instant::toString).orElse("never")
              + ", expected every "
              + heartbeatInterval(agent)
              + ")");
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(agent.options().get(URL) + "/tasks"))
            .timeout(timeout(agent))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Idempotency-Key", context.idempotencyKey())
            .POST(HttpRequest.BodyPublishers.ofString(JsonCodec.write(body(agent, task, context))))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new StepException(
          ErrorKind.TIMEOUT, where + " did not answer within " + timeout(agent));
    } catch (IOException e) {
      throw new StepException(ErrorKind.UNAVAILABLE, where + " cannot be reached: " + e);
    }
    return answer(agent, where, response);
  }

  private static Map<String, Object> body(
      AgentDefinition agent, AgentTask task, StepContext context) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("agent", agent.name());
    body.put("runId", context.runId());
    body.put("step", context.path());
    body.put("attempt", context.attempt());
    body.put("prompt", task.prompt());
    body.put("input", context.input());
    return body;
  }

  private static Map<String, Object> answer(
      AgentDefinition agent, String where, HttpResponse<String> response) {
    int status = response.statusCode();
    String excerpt = JsonCodec.abbreviate(response.body());
    if (status != 200) {
      ErrorKind kind =
          status == 429
              ? ErrorKind.RATE_LIMITED
              : status >= 500 ? ErrorKind.UNAVAILABLE : ErrorKind.BAD_INPUT;
      throw new StepException(kind, where + " answered HTTP " + status + ": " + excerpt);
    }
    Map<String, Object> fields;
    try {
      fields = JsonCodec.readObject(response.body());
    } catch (RuntimeException e) {
      fields = null;
    }
    if (fields == null || !(fields.get("text") instanceof String)) {
      throw new StepException(
          ErrorKind.BAD_OUTPUT,
          where + " answered without the contract's {\"text\": …} object: " + excerpt);
    }
    Map<String, Object> out = new LinkedHashMap<>(fields);
    out.put("agent", agent.name());
    out.put("remote", true);
    return out;
  }

  /** {@code options.heartbeatInterval} ({@code 10s}, {@code 500ms}); zero when absent. */
  static Duration heartbeatInterval(AgentDefinition agent) {
    return Objects.requireNonNullElse(
        AiConfigLoader.duration(agent.options().get(HEARTBEAT)), Duration.ZERO);
  }

  private static Duration timeout(AgentDefinition agent) {
    return Objects.requireNonNullElse(
        AiConfigLoader.duration(agent.options().get("timeout")), DEFAULT_TIMEOUT);
  }
}
