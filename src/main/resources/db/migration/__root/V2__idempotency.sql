-- Responses kept for Idempotency-Key replays: one row per (caller, path, key), hashed.
create table idempotency_record (
    scope_hash   text primary key,
    request_hash text        not null,
    created_at   timestamptz not null,
    status       int,
    content_type text,
    body         bytea
);
create index idempotency_record_created_idx on idempotency_record (created_at);
