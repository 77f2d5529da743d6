create table voucher (
    id                uuid primary key,
    merchant_id       uuid        not null,
    order_id          uuid        not null,
    unit_no           int         not null,
    customer_id       uuid        not null,
    deal_id           uuid        not null,
    deal_title        text        not null,
    code              text        not null check (code ~ '^[0-9]{12}$'),
    status            text        not null check (status in ('ISSUED', 'REDEEMED', 'REFUNDED', 'EXPIRED')),
    price_minor       bigint      not null check (price_minor >= 0),
    currency          text        not null,
    valid_from        timestamptz not null,
    valid_until       timestamptz not null,
    issued_at         timestamptz not null,
    redeemed_at       timestamptz,
    redeemed_store_id uuid,
    refunded_at       timestamptz,
    expired_at        timestamptz,
    -- a typed code finds one voucher of the merchant
    unique (merchant_id, code),
    -- issuing is idempotent: a redelivered OrderPaid finds its units already there
    unique (order_id, unit_no)
);
create index voucher_customer_idx on voucher (customer_id, issued_at desc);
create index voucher_order_idx on voucher (order_id);
-- the expiry job's queue
create index voucher_expiry_idx on voucher (valid_until) where status = 'ISSUED';

-- the audit of every redemption at a counter, and of its reversal
create table redemption (
    id          uuid primary key,
    voucher_id  uuid        not null references voucher (id),
    merchant_id uuid        not null,
    store_id    uuid        not null,
    staff_id    uuid        not null,
    device      text        not null,
    redeemed_at timestamptz not null,
    reversed_at timestamptz,
    reversed_by uuid
);
create index redemption_merchant_idx on redemption (merchant_id, redeemed_at desc);
create index redemption_voucher_idx on redemption (voucher_id);
