-- Binding a visitor's anonymous scans to the customer they sign in as, at any merchant.
create index campaign_scan_unbound_visitor_idx on campaign_scan (visitor_id) where customer_id is null;
-- A campaign's scans over a period, for its results.
create index campaign_scan_campaign_idx on campaign_scan (campaign_id, scanned_at);

-- The coupon templates a campaign hands out: an order that used one of their coupons is the campaign's.
create table campaign_coupon (
    merchant_id  uuid        not null,
    campaign_id  uuid        not null,
    template_id  uuid        not null primary key,
    linked_at    timestamptz not null,
    foreign key (merchant_id, campaign_id) references campaign (merchant_id, id)
);
create index campaign_coupon_campaign_idx on campaign_coupon (merchant_id, campaign_id);

-- One row per attributed fact (an order, a refund, a redemption, a new membership, a table visit), written once by the
-- listener of the fact's event: a redelivered event meets the unique key and writes nothing.
create table attribution (
    id             uuid primary key,
    kind           text        not null check (kind in ('ORDER', 'REFUND', 'REDEMPTION', 'MEMBERSHIP', 'TABLE_VISIT')),
    -- the order, redemption or table scan; a refund's order and reference; a membership's customer
    fact_id        text        not null,
    merchant_id    uuid        not null,
    customer_id    uuid,
    campaign_id    uuid,
    code_id        uuid,
    rule           text        not null check (rule in ('COUPON', 'SCAN', 'TABLE_CODE', 'ORGANIC')),
    -- an order's total, a refund's amount as a negative, nothing for the other kinds
    amount_minor   bigint      not null default 0,
    -- what an order gave away: its discount and the value of the points it was paid with
    discount_minor bigint      not null default 0,
    currency       char(3)     not null,
    order_id       uuid,
    order_channel  text,
    store_id       uuid,
    occurred_at    timestamptz not null,
    unique (kind, fact_id)
);
create index attribution_campaign_idx on attribution (campaign_id, occurred_at) where campaign_id is not null;
-- an order's own row and its refunds
create index attribution_order_idx on attribution (order_id, kind) where order_id is not null;
