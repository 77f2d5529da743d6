-- URLs of a merchant's own systems that want to hear about its events, each with the secret that signs them.
create table webhook_endpoint (
    id          uuid primary key,
    merchant_id uuid        not null,
    url         text        not null check (length(url) between 8 and 500),
    description text        check (description is null or length(description) <= 100),
    event_types text[]      not null check (cardinality(event_types) > 0),
    secret      text        not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index webhook_endpoint_merchant_idx on webhook_endpoint (merchant_id, created_at);

-- One event for one endpoint. (endpoint_id, event_id) is the idempotency key: an event delivered twice to the
-- listener finds its delivery already there. The payload is stored as sent, so every attempt signs the same body.
create table webhook_delivery (
    id              uuid primary key,
    endpoint_id     uuid        not null references webhook_endpoint (id) on delete cascade,
    merchant_id     uuid        not null,
    event_id        uuid        not null,
    event_type      text        not null,
    payload         text        not null,
    status          text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    -- attempts ever made (numbers the log); a "send again" starts a new round at the count it had then
    attempts        int         not null default 0 check (attempts >= 0),
    round_start     int         not null default 0 check (round_start between 0 and attempts),
    next_attempt_at timestamptz,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    unique (endpoint_id, event_id)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, created_at desc);

-- Every attempt, as the log the merchant reads: when, how it ended (a status code or an error), how long it took.
create table webhook_attempt (
    delivery_id  uuid        not null references webhook_delivery (id) on delete cascade,
    attempt_no   int         not null check (attempt_no > 0),
    attempted_at timestamptz not null,
    status_code  int,
    error        text,
    duration_ms  bigint      not null check (duration_ms >= 0),
    primary key (delivery_id, attempt_no)
);
