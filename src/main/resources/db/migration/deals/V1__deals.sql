create table deal (
    id                   uuid primary key,
    merchant_id          uuid        not null,
    title                text        not null,
    description          text        not null,
    includes             text[]      not null default '{}',
    price_minor          bigint      not null check (price_minor > 0),
    original_price_minor bigint      not null check (original_price_minor >= price_minor),
    currency             text        not null,
    store_ids            uuid[]      not null check (cardinality(store_ids) > 0),
    sale_starts_at       timestamptz not null,
    sale_ends_at         timestamptz not null check (sale_ends_at > sale_starts_at),
    valid_from           timestamptz not null,
    valid_until          timestamptz not null check (valid_until > valid_from),
    -- seven entries, Monday first, like store opening hours; all empty = usable whenever the store is open
    usable_hours         text[]      not null check (cardinality(usable_hours) = 7),
    per_customer_limit   int check (per_customer_limit > 0),
    stock_total          int check (stock_total >= 0),
    -- the one number every buyer of a flash sale contends for; it can never go below zero
    stock_left           int check (stock_left >= 0),
    refund_policy        text        not null check (refund_policy in ('ANYTIME', 'AUTO_ON_EXPIRY', 'NO_REFUND')),
    flash_sale           boolean     not null default false,
    active               boolean     not null default true,
    created_at           timestamptz not null,
    check ((stock_total is null) = (stock_left is null))
);
create index deal_merchant_idx on deal (merchant_id, created_at desc);
-- deals usable at a store: store pages and search results
create index deal_store_ids_idx on deal using gin (store_ids) where active;

-- how many units each customer bought of a deal, for per-customer limits
create table deal_purchase (
    deal_id     uuid not null references deal (id),
    customer_id uuid not null,
    quantity    int  not null check (quantity >= 0),
    primary key (deal_id, customer_id)
);
