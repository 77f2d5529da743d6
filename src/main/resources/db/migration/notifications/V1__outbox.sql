create table notification (
    id          uuid primary key,
    channel     text        not null check (channel in ('SMS', 'IN_APP')),
    recipient   text        not null,
    body        text        not null,
    created_at  timestamptz not null,
    sent_at     timestamptz,
    attempts    int         not null default 0,
    last_error  text
);
-- the relay scans only what is still to send
create index notification_pending_idx on notification (created_at) where sent_at is null;
-- the dev inbox and a customer's message history
create index notification_recipient_idx on notification (recipient, created_at desc);
