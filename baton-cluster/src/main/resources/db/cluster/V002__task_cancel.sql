-- A run that no longer wants a step already claimed by a node (it was cancelled or timed out) flags the row; the
-- claiming node interrupts the step's handler (woken by NOTIFY 'cancel:NODE', or at its next heartbeat).
ALTER TABLE baton_cluster_task ADD COLUMN cancel_requested BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX baton_cluster_task_cancel ON baton_cluster_task (node_id) WHERE state = 'CLAIMED' AND cancel_requested;
