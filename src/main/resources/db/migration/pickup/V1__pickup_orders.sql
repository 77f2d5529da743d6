-- How far ahead a store needs a pick-up order; a store without a row takes 15 minutes.
create table pickup_settings (
    merchant_id         uuid        not null,
    store_id            uuid        not null,
    preparation_minutes int         not null check (preparation_minutes between 0 and 240),
    updated_at          timestamptz not null,
    primary key (merchant_id, store_id)
);

-- A pick-up order beside its order (orders module): when it is to be collected, the note for the kitchen, where it
-- stands at the counter, and its number of the day once paid.
create table pickup_order (
    order_id        uuid primary key,
    merchant_id     uuid        not null,
    store_id        uuid        not null,
    status          text        not null check (status in
                        ('AWAITING_PAYMENT', 'PAID', 'READY', 'HANDED_OVER', 'REFUNDED', 'CANCELLED')),
    asap            boolean     not null,
    pickup_at       timestamptz not null,
    note            text        not null default '',
    number          int,
    number_day      date,
    placed_at       timestamptz not null,
    paid_at         timestamptz,
    ready_at        timestamptz,
    handed_over_at  timestamptz,
    check ((number is null) = (number_day is null))
);
-- a number is given once per store and local day; a refunded order keeps (retires) its number
create unique index pickup_order_number_idx on pickup_order (merchant_id, store_id, number_day, number)
    where number is not null;
-- the counter's queue: a store's paid and ready orders by pick-up time
create index pickup_order_queue_idx on pickup_order (store_id, status, pickup_at);

-- The last number given out per store and local day, advanced in one statement per paid order.
create table pickup_number (
    merchant_id uuid not null,
    store_id    uuid not null,
    day         date not null,
    last        int  not null,
    primary key (merchant_id, store_id, day)
);
