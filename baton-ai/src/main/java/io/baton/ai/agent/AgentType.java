package io.baton.ai.agent;

import java.util.List;

/**
 * The agent types of seed 002. An agent's type says how its steps run; further types register
 * through {@link io.baton.ai.BatonAi#agentType}.
 */
public final class AgentType {
  /** Multi-turn conversation, memory on. */
  public static final String CHAT = "chat";

  /** Think, act with a tool, observe; until an answer or {@code maxIterations}. */
  public static final String REACT = "react";

  /** Plans tasks, runs each as a step of a child run, then summarises. */
  public static final String PLAN = "plan";

  /** Function calling only: the model picks tools and arguments; their results are the output. */
  public static final String TOOL = "tool";

  /** Retrieves passages from an embedding store and answers with citations. */
  public static final String RAG = "rag";

  /** Writes JavaScript, runs it in the sandbox, and fixes it on errors. */
  public static final String CODE = "code";

  /** Takes images with the text, where the provider supports them. */
  public static final String MULTIMODAL = "multimodal";

  /**
   * An agent that runs elsewhere and is reached over HTTP ({@link
   * io.baton.ai.remote.RemoteAgents}).
   */
  public static final String REMOTE = "remote";

  /** The seven built-in types. */
  public static final List<String> BUILT_IN =
      List.of(CHAT, REACT, PLAN, TOOL, RAG, CODE, MULTIMODAL);

  private AgentType() {}
}
