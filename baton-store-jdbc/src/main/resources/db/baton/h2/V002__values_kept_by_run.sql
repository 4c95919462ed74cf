-- A large value is kept by run: a fork, or a run restored from a snapshot, keeps its own copy of the values of
-- its source under the same id, so that retention deleting the source's rows leaves the fork's.
ALTER TABLE baton_value DROP PRIMARY KEY;
ALTER TABLE baton_value ADD PRIMARY KEY (value_id, run_id);
