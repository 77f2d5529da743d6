create table coupon_template (
    id                 uuid primary key,
    merchant_id        uuid        not null,
    title              text        not null,
    kind               text        not null check (kind in ('AMOUNT_OFF', 'PERCENT_OFF')),
    amount_off_minor   bigint check (amount_off_minor > 0),
    percent_off        int check (percent_off between 1 and 99),
    max_discount_minor bigint check (max_discount_minor > 0),
    min_spend_minor    bigint      not null check (min_spend_minor >= 0),
    currency           text        not null,
    store_ids          uuid[]      not null default '{}',
    total_quantity     int         not null check (total_quantity > 0),
    -- taken one at a time by a conditional update; can never pass the total
    claimed            int         not null default 0 check (claimed between 0 and total_quantity),
    per_customer_limit int         not null check (per_customer_limit > 0),
    valid_from         timestamptz not null,
    valid_until        timestamptz not null check (valid_until > valid_from),
    active             boolean     not null default true,
    created_at         timestamptz not null
);
create index coupon_template_merchant_idx on coupon_template (merchant_id, id);

-- how many of a template each customer claimed, for per-customer limits
create table coupon_claim (
    template_id uuid not null references coupon_template (id),
    customer_id uuid not null,
    claimed     int  not null check (claimed > 0),
    primary key (template_id, customer_id)
);

create table coupon (
    id          uuid primary key,
    template_id uuid        not null references coupon_template (id),
    merchant_id uuid        not null,
    customer_id uuid        not null,
    status      text        not null check (status in ('AVAILABLE', 'RESERVED', 'USED')),
    order_id    uuid,
    claimed_at  timestamptz not null,
    used_at     timestamptz,
    check ((status = 'AVAILABLE') = (order_id is null))
);
create index coupon_customer_idx on coupon (customer_id, claimed_at desc);
