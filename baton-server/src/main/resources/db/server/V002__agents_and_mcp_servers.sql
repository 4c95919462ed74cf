-- Agents registered through the API (those of the AI configuration file are not stored) and MCP
-- servers added through the API, so that both survive a restart. Portable SQL: H2 and PostgreSQL.

create table srv_agent (
  name varchar(200) not null,
  version varchar(50) not null,
  namespace varchar(100) not null,
  definition_json varchar(1000000) not null,
  created_by varchar(200),
  created_at timestamp not null,
  primary key (name, version)
);

create table srv_mcp_server (
  name varchar(100) primary key,
  namespace varchar(100) not null,
  config_json varchar(100000) not null,
  created_by varchar(200),
  created_at timestamp not null
);
