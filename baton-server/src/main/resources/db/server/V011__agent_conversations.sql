-- Conversations with agents over the API (POST /api/v1/agents/{id}/chat): each belongs to a
-- namespace and an agent; its messages are replayed to the agent with every new message.
-- Portable SQL: H2 and PostgreSQL.

create table srv_conversation (
  conversation_id varchar(100) primary key,
  namespace varchar(100) not null,
  agent varchar(200) not null,
  created_by varchar(200),
  created_at timestamp not null,
  updated_at timestamp not null
);
create index srv_conversation_ns on srv_conversation (namespace, agent, updated_at);

create table srv_conversation_message (
  conversation_id varchar(100) not null,
  seq integer not null,
  role varchar(20) not null,
  text varchar(1000000),
  execution_id varchar(100),
  at timestamp not null,
  primary key (conversation_id, seq)
);
