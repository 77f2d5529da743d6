-- Real gateways know a payment by its out-trade-no and a refund by its out-refund-no: both are written before the
-- gateway is called, so a retry after a time-out sends the same number and the gateway acts once.
alter table payment add column out_trade_no text;
update payment set out_trade_no = replace(id::text, '-', '');
alter table payment alter column out_trade_no set not null;
create unique index payment_provider_out_trade_no on payment (provider, out_trade_no);
-- a pending gateway payment is asked about when no notification came: written with the first time to ask
-- (created + query-after), pushed out by each lease
alter table payment add column next_query_at timestamptz;
update payment set next_query_at = created_at + interval '2 minutes' where status = 'PENDING';
create index payment_pending_query_idx on payment (next_query_at) where status = 'PENDING';
-- MISMATCH: the gateway says another amount was paid; not taken as paid, and what came is paid back
alter table payment drop constraint payment_status_check;
alter table payment add constraint payment_status_check
    check (status in ('PENDING', 'SUCCEEDED', 'FAILED', 'DUPLICATE', 'MISMATCH'));

-- A refund to a gateway is sent by the relay after the transaction that asked for it commits: PENDING until the
-- gateway took it, PROCESSING until it confirms, FAILED when it refused for good.
alter table refund add column out_refund_no text;
update refund set out_refund_no = replace(id::text, '-', '');
alter table refund alter column out_refund_no set not null;
create unique index refund_out_refund_no on refund (out_refund_no);
alter table refund add column attempts int not null default 0;
alter table refund add column next_attempt_at timestamptz;
alter table refund add column last_error text;
-- what the refund is for, as the gateway is told (WeChat Pay's reason, Alipay's refund_reason)
alter table refund add column reason text not null default 'refund';
alter table refund drop constraint refund_status_check;
alter table refund add constraint refund_status_check
    check (status in ('PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED'));
update refund set next_attempt_at = created_at where status = 'PENDING';
create index refund_due_idx on refund (next_attempt_at) where status in ('PENDING', 'PROCESSING');

-- Each merchant's own account at a gateway. What may be shown is kept in the clear; keys and secrets only
-- encrypted (AES-256-GCM under the platform's key-encryption key).
create table payment_provider_account (
    merchant_id   uuid        not null,
    provider      text        not null,
    public_config jsonb       not null,
    secret_config bytea       not null,
    enabled       boolean     not null default true,
    updated_at    timestamptz not null,
    primary key (merchant_id, provider)
);

-- The operator's switch per gateway: a provider switched off is offered to nobody.
create table payment_provider_switch (
    provider   text primary key,
    enabled    boolean     not null,
    changed_at timestamptz not null
);

-- The sandbox gateway's refunds, one per refund number, as a real gateway keeps them.
create table sandbox_refund (
    out_refund_no text primary key,
    charge_ref    text   not null,
    amount_minor  bigint not null
);

-- A payment taken at the counter by a QR code the payer scans may be for a walk-in's order, which has no customer.
alter table payment alter column customer_id drop not null;
