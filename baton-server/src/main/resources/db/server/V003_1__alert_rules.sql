-- Alert rules, editable through the API (seeded from the configuration, or seed 002's defaults, when
-- the table is empty). Numbered 3.1 so that another branch's V003 can sit beside it.
create table srv_alert_rule (
  id varchar(100) primary key,
  rule_json varchar(10000) not null
);
