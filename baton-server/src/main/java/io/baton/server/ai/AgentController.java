package io.baton.server.ai;

import io.baton.ai.BatonAi;
import io.baton.ai.remote.RemoteAgents;
import io.baton.server.api.ApiError;
import io.baton.server.audit.AuditLog;
import io.baton.server.security.Caller;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agents (the seed 002 table): list, register (the fields of an agent file), get, delete → 204;
 * plus {@code POST /api/v1/agents/{id}/chat {message}} and {@code POST
 * /api/v1/agents/{id}/heartbeat} for remote agents.
 */
@RestController
public class AgentController {
  private final AgentCatalog agents;
  private final AgentChat chat;
  private final AuditLog audit;
  private final RemoteAgents remote;

  AgentController(AgentCatalog agents, AgentChat chat, AuditLog audit, BatonAi ai) {
    this.agents = agents;
    this.chat = chat;
    this.audit = audit;
    this.remote = ai.remoteAgents();
  }

  /** The agents the caller sees, each in its latest version. */
  @GetMapping("/api/v1/agents")
  public List<AgentView> list(Caller caller) {
    return agents.list(caller);
  }

  /** Registers an agent → 201. */
  @PostMapping("/api/v1/agents")
  public ResponseEntity<AgentView> register(
      Caller caller, @RequestBody Map<String, Object> definition) {
    AgentView agent = agents.register(caller, definition);
    audit.record(caller, "agent.register", "agent", agent.id(), null, agent.definition());
    return ResponseEntity.created(URI.create("/api/v1/agents/" + agent.id())).body(agent);
  }

  /** An agent: {@code name} (latest version) or {@code name@version}. */
  @GetMapping("/api/v1/agents/{id}")
  public AgentView get(Caller caller, @PathVariable String id) {
    return agents.get(caller, id);
  }

  /** Unregisters an agent (every version, or {@code name@version}) → 204. */
  @DeleteMapping("/api/v1/agents/{id}")
  public ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
    AgentView gone = agents.delete(caller, id);
    audit.record(caller, "agent.delete", "agent", id, gone.definition(), null);
    return ResponseEntity.noContent().build();
  }

  /**
   * A heartbeat of a remote agent (registered with {@code type: remote}, {@code options: {url,
   * heartbeatInterval}}) → when it was taken and whether the agent is available; 409 for an agent
   * that is not remote.
   */
  @PostMapping("/api/v1/agents/{id}/heartbeat")
  public Map<String, Object> heartbeat(Caller caller, @PathVariable String id) {
    AgentView agent = agents.get(caller, id);
    if (!remote.heartbeat(agent.id())) {
      throw ApiError.conflict(
          "agent '"
              + agent.id()
              + "' is not a remote agent (type: remote) and takes no heartbeats");
    }
    return Map.of(
        "agent", agent.id(),
        "lastHeartbeat", remote.lastHeartbeat(agent.id()).orElseThrow().toString(),
        "available", true);
  }

  /** Sends {@code {message}} to the agent → its answer and the run that made it. */
  @PostMapping("/api/v1/agents/{id}/chat")
  public Map<String, Object> chat(
      Caller caller, @PathVariable String id, @RequestBody Map<String, Object> body) {
    if (!(body.get("message") instanceof String message) || message.isBlank()) {
      throw ApiError.badField("/message", "missing-field", "message is the text to send");
    }
    AgentView agent = agents.get(caller, id);
    return chat.chat(caller, agent.id(), message);
  }
}
