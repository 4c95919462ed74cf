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
 * plus chat ({@code POST /api/v1/agents/{id}/chat {message, conversationId?}}), the agent's
 * conversations (list, get, delete → 204) and {@code POST /api/v1/agents/{id}/heartbeat} for remote
 * agents.
 */
@RestController
public class AgentController {
  private final AgentCatalog agents;
  private final AgentChat chat;
  private final Conversations conversations;
  private final AuditLog audit;
  private final RemoteAgents remote;

  AgentController(
      AgentCatalog agents,
      AgentChat chat,
      Conversations conversations,
      AuditLog audit,
      BatonAi ai) {
    this.agents = agents;
    this.chat = chat;
    this.conversations = conversations;
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

  /**
   * Sends {@code {message, conversationId?}} to the agent → its answer, the run that made it and
   * the conversation (a new one without {@code conversationId}).
   */
  @PostMapping("/api/v1/agents/{id}/chat")
  public Map<String, Object> chat(
      Caller caller, @PathVariable String id, @RequestBody Map<String, Object> body) {
    if (!(body.get("message") instanceof String message) || message.isBlank()) {
      throw ApiError.badField("/message", "missing-field", "message is the text to send");
    }
    Object conversation = body.get("conversationId");
    if (conversation != null && !(conversation instanceof String)) {
      throw ApiError.badField(
          "/conversationId", "invalid-field", "conversationId is a conversation's id (a string)");
    }
    AgentView agent = agents.get(caller, id);
    return chat.chat(caller, agent.id(), message, (String) conversation);
  }

  /** The agent's conversations in the caller's namespace, most recent first. */
  @GetMapping("/api/v1/agents/{id}/conversations")
  public List<Conversations.Conversation> conversations(Caller caller, @PathVariable String id) {
    return conversations.list(caller, agents.get(caller, id).id());
  }

  /** A conversation with its messages. */
  @GetMapping("/api/v1/agents/{id}/conversations/{conversationId}")
  public Conversations.Conversation conversation(
      Caller caller, @PathVariable String id, @PathVariable String conversationId) {
    return conversations.get(caller, agents.get(caller, id).id(), conversationId);
  }

  /** Deletes a conversation → 204. */
  @DeleteMapping("/api/v1/agents/{id}/conversations/{conversationId}")
  public ResponseEntity<Void> deleteConversation(
      Caller caller, @PathVariable String id, @PathVariable String conversationId) {
    Conversations.Conversation gone =
        conversations.delete(caller, agents.get(caller, id).id(), conversationId);
    audit.record(caller, "conversation.delete", "conversation", conversationId, gone, null);
    return ResponseEntity.noContent().build();
  }
}
