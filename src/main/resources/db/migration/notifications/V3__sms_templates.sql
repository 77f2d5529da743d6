-- Chinese SMS gateways send only approved templates filled with parameters: a message keeps its kind (which template)
-- and its named parameters beside the rendered text (which the log, the dev inbox and the in-app inbox show).
-- Rows queued before this change have neither.
alter table notification add column kind text;
alter table notification add column params jsonb not null default '{}'::jsonb;
-- A message the carrier refused for good (an invalid number, an unknown template) is not tried again.
alter table notification add column failed_at timestamptz;
