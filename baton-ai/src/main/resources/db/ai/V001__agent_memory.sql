-- Agents' memories (one conversation per agent per run, LangChain4j message JSON) and each run's
-- shared blackboard (one JSON value per key).
CREATE TABLE baton_agent_memory (
  run_id       VARCHAR(200) NOT NULL,
  agent        VARCHAR(200) NOT NULL,
  conversation TEXT         NOT NULL,
  CONSTRAINT baton_agent_memory_pk PRIMARY KEY (run_id, agent)
);

CREATE TABLE baton_blackboard (
  run_id    VARCHAR(200) NOT NULL,
  entry_key VARCHAR(500) NOT NULL,
  entry_value TEXT       NOT NULL,
  CONSTRAINT baton_blackboard_pk PRIMARY KEY (run_id, entry_key)
);
