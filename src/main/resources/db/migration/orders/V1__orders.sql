create table customer_order (
    id             uuid primary key,
    merchant_id    uuid        not null,
    customer_id    uuid        not null,
    channel        text        not null check (channel in ('DEAL', 'DINE_IN', 'PICKUP', 'RESERVATION', 'POS')),
    status         text        not null check (status in ('PENDING_PAYMENT', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED',
                                                          'COMPLETED', 'CANCELLED')),
    subtotal_minor bigint      not null check (subtotal_minor >= 0),
    discount_minor bigint      not null check (discount_minor >= 0),
    total_minor    bigint      not null check (total_minor >= 0),
    refunded_minor bigint      not null default 0 check (refunded_minor between 0 and total_minor),
    currency       text        not null,
    coupon_id      uuid,
    deal_id        uuid,
    quantity       int,
    created_at     timestamptz not null,
    pay_by         timestamptz not null,
    paid_at        timestamptz,
    check (total_minor = subtotal_minor - discount_minor)
);
create index customer_order_customer_idx on customer_order (customer_id, created_at desc);
create index customer_order_merchant_idx on customer_order (merchant_id, created_at desc);
-- the cancellation job's queue
create index customer_order_unpaid_idx on customer_order (pay_by) where status = 'PENDING_PAYMENT';

create table order_line (
    order_id         uuid   not null references customer_order (id),
    line_no          int    not null,
    merchant_id      uuid   not null,
    kind             text   not null,
    ref_id           uuid   not null,
    title            text   not null,
    unit_price_minor bigint not null check (unit_price_minor >= 0),
    quantity         int    not null check (quantity > 0),
    amount_minor     bigint not null check (amount_minor >= 0),
    primary key (order_id, line_no)
);

-- every change of an order's state, and why
create table order_transition (
    order_id    uuid        not null references customer_order (id),
    merchant_id uuid        not null,
    from_status text,
    to_status   text        not null,
    at          timestamptz not null,
    reason      text        not null
);
create index order_transition_order_idx on order_transition (order_id, at);

-- refunds applied to orders, by what was refunded: the same thing is never refunded twice
create table order_refund (
    order_id     uuid        not null references customer_order (id),
    reference    text        not null primary key,
    amount_minor bigint      not null check (amount_minor > 0),
    created_at   timestamptz not null
);
