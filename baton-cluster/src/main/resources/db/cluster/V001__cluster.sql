-- Several Baton nodes on one PostgreSQL. Times are written by the nodes (from their engine's clock), so the
-- nodes' clocks must agree to well within a lease's time to live.

-- The nodes: each heart-beats; one whose heartbeat is older than the lease TTL is taken for dead.
CREATE TABLE baton_cluster_node (
  node_id        VARCHAR(200) PRIMARY KEY,
  host           VARCHAR(200) NOT NULL,
  started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  last_heartbeat TIMESTAMP WITH TIME ZONE NOT NULL,
  capacity       INT NOT NULL,
  load           INT NOT NULL,
  stopped_at     TIMESTAMP WITH TIME ZONE
);

-- Who decides for a run: only the node holding its lease loads it and appends to its journal. A run that
-- left memory (suspended or ended) holds no lease: whichever node wakes it takes one.
CREATE TABLE baton_cluster_lease (
  run_id      VARCHAR(200) PRIMARY KEY,
  node_id     VARCHAR(200) NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  acquired_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX baton_cluster_lease_node ON baton_cluster_lease (node_id);
CREATE INDEX baton_cluster_lease_expiry ON baton_cluster_lease (expires_at);

-- Handler-run steps: QUEUED (any node's executors claim them, by priority then age), CLAIMED (by node_id
-- until claim_expires, extended by its heartbeats), DONE (outcome waits for the run's owner to journal it).
-- One row per attempt: queuing an attempt again after a take-over changes nothing.
CREATE TABLE baton_cluster_task (
  task_id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id        VARCHAR(200) NOT NULL,
  path          VARCHAR(1000) NOT NULL,
  attempt       INT NOT NULL,
  priority      SMALLINT NOT NULL,
  queued_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  state         VARCHAR(10) NOT NULL CHECK (state IN ('QUEUED', 'CLAIMED', 'DONE')),
  node_id       VARCHAR(200),
  claim_expires TIMESTAMP WITH TIME ZONE,
  claims        INT NOT NULL DEFAULT 0,
  finished_at   TIMESTAMP WITH TIME ZONE,
  body          JSONB NOT NULL,
  outcome       JSONB,
  UNIQUE (run_id, path, attempt)
);
CREATE INDEX baton_cluster_task_ready ON baton_cluster_task (priority, queued_at, task_id) WHERE state = 'QUEUED';
CREATE INDEX baton_cluster_task_claimed ON baton_cluster_task (node_id, claim_expires) WHERE state = 'CLAIMED';
CREATE INDEX baton_cluster_task_done ON baton_cluster_task (run_id) WHERE state = 'DONE';

-- Messages for runs that another node owns (answers, signals, control operations, timers), kept until the
-- owner has made what they caused durable; a reply waits here for its sender when it wants one.
CREATE TABLE baton_cluster_inbox (
  message_id  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id      VARCHAR(200) NOT NULL,
  sender_node VARCHAR(200) NOT NULL,
  wants_reply BOOLEAN NOT NULL,
  handled     BOOLEAN NOT NULL DEFAULT FALSE,
  reply_ok    BOOLEAN,
  reply_error TEXT,
  sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  body        JSONB NOT NULL
);
CREATE INDEX baton_cluster_inbox_run ON baton_cluster_inbox (run_id, message_id) WHERE NOT handled;
CREATE INDEX baton_cluster_inbox_sender ON baton_cluster_inbox (sender_node) WHERE handled;
