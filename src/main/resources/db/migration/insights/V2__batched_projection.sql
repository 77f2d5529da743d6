-- Facts heard in the transaction that made them (a paid order, a refund, a redemption, a new member, stored value and
-- points moved), waiting to be added to the rollups. A drain takes them in batches, adds them up in memory and writes
-- each rollup row once per batch, deleting them in the same transaction: the fact costs its own transaction one
-- insert, instead of a transaction, an event publication and a dozen statements of its own.
create table insights_pending_fact (
    id          bigint generated always as identity primary key,
    kind        text        not null,
    fact_id     text        not null,
    merchant_id uuid        not null,
    customer_id uuid,
    order_id    uuid,
    store_id    uuid,
    amount      bigint      not null default 0,
    at          timestamptz not null,
    -- why the fact could not be counted, when it could not: it is then kept, and taken no more
    set_aside   text
);

-- Each known customer gets a number at the merchant, so that a day's customers are a set of small numbers.
alter table insights_customer_merchant add column ordinal integer;

-- A merchant's known customers on one day, and in one month, as three Roaring bitmaps of their numbers (the portable
-- serialization): those who ordered, those who ordered twice or more in it, and those whose first order at the
-- merchant it was. A month's row has its first day and month = true. A period's distinct, returning and repeating
-- customers are unions of its whole months and its other days: a year is about a dozen months, not 365 days.
create table insights_customer_set (
    merchant_id uuid    not null,
    day         date    not null,
    month       boolean not null,
    customers   bytea   not null,
    repeaters   bytea   not null,
    newcomers   bytea   not null,
    primary key (merchant_id, month, day)
);
