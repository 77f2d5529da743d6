-- The insights module's read model: per-merchant rollups by day (Asia/Shanghai), fed by events. Each listener adds to
-- them with "on conflict do update set x = x + excluded.x" and records the fact it applied in the same transaction,
-- so an event delivered twice counts once.
create table insights_applied_fact (
    kind    text not null,
    fact_id text not null,
    primary key (kind, fact_id)
);

-- Sales by store, city and channel (DEAL, FLASH_SALE, DINE_IN, PICKUP, RESERVATION, POS). A deal's order names no
-- store: its row has the nil store id and the city of the deal's first store. Refunds count on the day they happen.
create table insights_sales_day (
    merchant_id    uuid   not null,
    day            date   not null,
    store_id       uuid   not null,
    channel        text   not null,
    city           text   not null,
    orders         bigint not null default 0,
    gross_minor    bigint not null default 0,
    refunded_minor bigint not null default 0,
    discount_minor bigint not null default 0,
    primary key (merchant_id, day, store_id, channel, city)
);
-- the operator's figures: every merchant over a range of days
create index insights_sales_day_day_idx on insights_sales_day (day);

create table insights_sales_hour (
    merchant_id uuid     not null,
    day         date     not null,
    store_id    uuid     not null,
    hour        smallint not null check (hour between 0 and 23),
    orders      bigint   not null default 0,
    primary key (merchant_id, day, store_id, hour)
);

create table insights_item_day (
    merchant_id  uuid   not null,
    day          date   not null,
    store_id     uuid   not null,
    title        text   not null,
    quantity     bigint not null default 0,
    amount_minor bigint not null default 0,
    primary key (merchant_id, day, store_id, title)
);

create table insights_redemption_day (
    merchant_id uuid   not null,
    day         date   not null,
    store_id    uuid   not null,
    redemptions bigint not null default 0,
    primary key (merchant_id, day, store_id)
);
create index insights_redemption_day_day_idx on insights_redemption_day (day);

create table insights_member_day (
    merchant_id uuid   not null,
    day         date   not null,
    new_members bigint not null default 0,
    primary key (merchant_id, day)
);
create index insights_member_day_day_idx on insights_member_day (day);

-- Known customers' paid orders per day, and the day of each one's first order: returning and repeat customers.
create table insights_customer_day (
    merchant_id uuid   not null,
    day         date   not null,
    customer_id uuid   not null,
    orders      bigint not null default 0,
    primary key (merchant_id, day, customer_id)
);

create table insights_customer_merchant (
    merchant_id     uuid not null,
    customer_id     uuid not null,
    first_order_day date not null,
    primary key (merchant_id, customer_id)
);

create table insights_stored_value_day (
    merchant_id uuid   not null,
    day         date   not null,
    sold_minor  bigint not null default 0,
    spent_minor bigint not null default 0,
    primary key (merchant_id, day)
);

create table insights_points_day (
    merchant_id uuid   not null,
    day         date   not null,
    issued      bigint not null default 0,
    redeemed    bigint not null default 0,
    primary key (merchant_id, day)
);

-- Merchants as the operator's list names them, from their approval.
create table insights_merchant (
    merchant_id uuid primary key,
    name        text not null
);
create index insights_merchant_name_idx on insights_merchant (lower(name));
