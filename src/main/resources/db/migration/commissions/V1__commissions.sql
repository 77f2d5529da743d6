-- What a taker (the platform: taker_merchant_id null; or a merchant, e.g. a mall's own) takes of a merchant's orders,
-- in basis points, from a day on: named for one merchant or for a merchant category (a merchant's own rate wins).
create table commission_rate (
    id                  uuid primary key,
    taker_merchant_id   uuid,
    subject_merchant_id uuid,
    subject_category    text,
    rate_bps            integer     not null check (rate_bps between 0 and 5000),
    valid_from          date        not null,
    updated_at          timestamptz not null,
    check ((subject_merchant_id is null) <> (subject_category is null)),
    unique nulls not distinct (taker_merchant_id, subject_merchant_id, subject_category, valid_from)
);

-- Paid orders and refunds heard in their own transaction, taken by the commission drain in batches.
create table commission_pending_fact (
    id                bigint      generated always as identity primary key,
    kind              text        not null,
    order_id          uuid        not null,
    merchant_id       uuid        not null,
    amount_minor      bigint      not null,
    order_total_minor bigint      not null,
    reference         text        not null,
    at                timestamptz not null,
    set_aside         text
);

-- The facts counted, by id: a fact heard twice counts once.
create table commission_applied_fact (
    kind    text not null,
    fact_id text not null,
    primary key (kind, fact_id)
);

-- The commission charged on one paid order by one taker ('platform' or the taker merchant's id): once per order and
-- taker. refunded_minor is the order's money given back so far, reversed_minor the commission given back for it.
create table commission_charge (
    order_id          uuid        not null,
    taker             text        not null,
    taker_merchant_id uuid,
    merchant_id       uuid        not null,
    order_total_minor bigint      not null check (order_total_minor > 0),
    rate_bps          integer     not null,
    commission_minor  bigint      not null check (commission_minor > 0),
    refunded_minor    bigint      not null default 0,
    reversed_minor    bigint      not null default 0,
    charged_at        timestamptz not null,
    primary key (order_id, taker),
    check (refunded_minor between 0 and order_total_minor),
    check (reversed_minor between 0 and commission_minor)
);
create index commission_charge_merchant_idx on commission_charge (merchant_id, charged_at);
create index commission_charge_taker_idx on commission_charge (taker_merchant_id, charged_at)
    where taker_merchant_id is not null;
create index commission_charge_at_idx on commission_charge (charged_at);

-- A refund's share of a charge given back: once per order, taker and refund.
create table commission_reversal (
    order_id          uuid        not null,
    taker             text        not null,
    reference         text        not null,
    taker_merchant_id uuid,
    merchant_id       uuid        not null,
    amount_minor      bigint      not null check (amount_minor > 0),
    at                timestamptz not null,
    primary key (order_id, taker, reference)
);
create index commission_reversal_merchant_idx on commission_reversal (merchant_id, at);
create index commission_reversal_at_idx on commission_reversal (at);
