-- Facts heard in the transaction that made them (a paid order, a refund, a redemption, a new membership), waiting to
-- be attributed. A drain takes them in batches, reads what decides them for the whole batch at once (the orders, the
-- customers' recent scans) and writes the attribution rows in one statement, deleting them in the same transaction.
create table campaign_pending_fact (
    id          bigint generated always as identity primary key,
    kind        text        not null,
    fact_id     text        not null,
    merchant_id uuid        not null,
    customer_id uuid,
    order_id    uuid,
    store_id    uuid,
    amount      bigint      not null default 0,
    currency    text        not null,
    reference   text,
    at          timestamptz not null,
    -- why the fact could not be counted, when it could not: it is then kept, and taken no more
    set_aside   text
);

-- A redemption a manager undid stays attributed (its row is the fact's, once) but no longer counts.
alter table attribution add column reversed_at timestamptz;

-- Who a campaign is for: the merchant's own customers, or (run by the owner of a group program, a mall) the customers
-- of every merchant in the group: a scan of its code counts for an order at any of them.
alter table campaign add column audience text not null default 'MERCHANT' check (audience in ('MERCHANT', 'GROUP'));
