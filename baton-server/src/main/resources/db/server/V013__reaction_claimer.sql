-- Who holds a reaction's claim: NODE/PROCESS (NODE is the cluster node id, or "local" for a server alone). A
-- server that starts again after a crash takes back at once what its earlier process of the same node claimed,
-- instead of waiting out that process's lease; other nodes' claims still run only once their leases have passed.
-- Portable SQL: H2 and PostgreSQL.
alter table srv_event_reaction add column claimed_by varchar(300);
