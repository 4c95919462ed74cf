-- A step that asked a person (AwaitInput) runs again, same attempt, with the answer: a new execution, told apart
-- by the wait it answers ('' for none). Queuing the same execution again (a run recovered after a take-over)
-- still changes nothing; the outcome of the execution before the answer, if still here, no longer blocks it.
ALTER TABLE baton_cluster_task ADD COLUMN answered TEXT NOT NULL DEFAULT '';
ALTER TABLE baton_cluster_task DROP CONSTRAINT baton_cluster_task_run_id_path_attempt_key;
ALTER TABLE baton_cluster_task ADD CONSTRAINT baton_cluster_task_execution UNIQUE (run_id, path, attempt, answered);
