-- Why a run that was indexed but never started in the engine did not start: a crash came between
-- indexing it and handing it to the engine, and every later start failed (or its trigger was
-- deleted). Such a run is shown FAILED with this error, never PENDING for a run that does not exist.
-- Portable SQL: H2 and PostgreSQL.
alter table srv_execution add column start_error varchar(2000);
