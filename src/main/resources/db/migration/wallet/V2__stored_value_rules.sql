-- Whether a merchant pays back unused principal, and within how many days of the top-up. No row: it does not.
create table stored_value_refund_rule (
    merchant_id          uuid primary key,
    principal_refundable boolean not null,
    refund_within_days   int     not null check (refund_within_days between 1 and 3650)
);

-- Every top-up, counter or online, by its ledger reference: the refund window and the bonus that came with the
-- principal are read from here.
create table stored_value_top_up (
    reference       text primary key,
    merchant_id     uuid        not null,
    customer_id     uuid        not null,
    channel         text        not null check (channel in ('COUNTER', 'ONLINE')),
    principal_minor bigint      not null check (principal_minor > 0),
    bonus_minor     bigint      not null check (bonus_minor >= 0),
    created_at      timestamptz not null
);
create index stored_value_top_up_wallet_idx on stored_value_top_up (merchant_id, customer_id, created_at desc);

-- Principal paid back (and the bonus forfeited with it). Refunds within a refund window count against the top-ups
-- within it, so the same principal is never paid back twice.
create table stored_value_refund (
    reference             text primary key,
    merchant_id           uuid        not null,
    customer_id           uuid        not null,
    principal_minor       bigint      not null check (principal_minor > 0),
    bonus_forfeited_minor bigint      not null check (bonus_forfeited_minor >= 0),
    created_at            timestamptz not null
);
create index stored_value_refund_wallet_idx on stored_value_refund (merchant_id, customer_id, created_at desc);
