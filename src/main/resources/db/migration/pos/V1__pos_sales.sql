-- Sales a store's POS reports. The unique (store, POS transaction id) makes a resent sale a duplicate, never a second
-- order; request_hash tells a resend (same body) from a different sale under a reused id.
create table pos_sale (
    id                 uuid primary key,
    merchant_id        uuid        not null,
    store_id           uuid        not null,
    pos_transaction_id text        not null check (length(pos_transaction_id) between 1 and 64),
    request_hash       text        not null,
    order_id           uuid        not null unique,
    customer_id        uuid,
    total_minor        bigint      not null check (total_minor > 0),
    currency           text        not null,
    payment_method     text        not null check (payment_method in ('CASH', 'CARD', 'WECHAT', 'ALIPAY',
                                                                      'STORED_VALUE', 'OTHER')),
    sold_at            timestamptz not null,
    recorded_at        timestamptz not null,
    key_id             uuid        not null,
    voided_at          timestamptz,
    unique (store_id, pos_transaction_id)
);
create index pos_sale_merchant_idx on pos_sale (merchant_id, recorded_at desc);

-- Refunds the POS reported, by its own refund id: the same refund id twice is one refund.
create table pos_refund (
    sale_id      uuid        not null references pos_sale (id),
    refund_id    text        not null check (length(refund_id) between 1 and 64),
    merchant_id  uuid        not null,
    amount_minor bigint      not null check (amount_minor > 0),
    created_at   timestamptz not null,
    primary key (sale_id, refund_id)
);
