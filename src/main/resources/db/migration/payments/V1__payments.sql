create table payment (
    id           uuid primary key,
    order_id     uuid        not null,
    merchant_id  uuid        not null,
    customer_id  uuid        not null,
    provider     text        not null,
    status       text        not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    amount_minor bigint      not null check (amount_minor > 0),
    currency     text        not null,
    provider_ref text        not null,
    redirect_url text        not null,
    created_at   timestamptz not null,
    completed_at timestamptz
);
create index payment_order_idx on payment (order_id);
-- an order is paid at most once
create unique index payment_one_success_per_order on payment (order_id) where status = 'SUCCEEDED';

create table refund (
    id           uuid primary key,
    payment_id   uuid        not null references payment (id),
    merchant_id  uuid        not null,
    order_id     uuid        not null,
    amount_minor bigint      not null check (amount_minor > 0),
    currency     text        not null,
    -- what is refunded, e.g. 'voucher:<id>': the same thing is never refunded twice
    reference    text        not null unique,
    status       text        not null check (status in ('PENDING', 'SUCCEEDED')),
    created_at   timestamptz not null,
    completed_at timestamptz
);
create index refund_order_idx on refund (order_id);

-- every provider notification applied, so a redelivery changes nothing
create table payment_webhook_event (
    provider    text        not null,
    event_id    text        not null,
    received_at timestamptz not null,
    primary key (provider, event_id)
);

-- The sandbox gateway's own books: its charges and the webhooks it owes the platform.
create table sandbox_charge (
    ref          text primary key,
    payment_id   uuid        not null,
    amount_minor bigint      not null,
    currency     text        not null,
    description  text        not null,
    return_url   text        not null,
    status       text        not null check (status in ('OPEN', 'PAID', 'FAILED')),
    created_at   timestamptz not null
);

create table sandbox_webhook (
    event_id        text primary key,
    payload         text        not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    delivered_at    timestamptz
);
create index sandbox_webhook_due_idx on sandbox_webhook (next_attempt_at) where delivered_at is null;
