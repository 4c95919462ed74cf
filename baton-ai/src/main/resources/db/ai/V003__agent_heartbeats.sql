-- The last heartbeat of each remote agent (epoch milliseconds), so that after a restart an agent
-- that kept beating is available at once instead of after its next beat.
CREATE TABLE baton_agent_heartbeat (
  agent     VARCHAR(200) NOT NULL,
  beat_ms   BIGINT       NOT NULL,
  CONSTRAINT baton_agent_heartbeat_pk PRIMARY KEY (agent)
);
