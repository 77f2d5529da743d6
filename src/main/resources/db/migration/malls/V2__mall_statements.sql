-- A month's statement between a mall and one tenant merchant: the points the tenant accepted less those it issued in
-- the mall's program (in money at the program's redemption rate), the mall's coupon discounts the tenant gave and the
-- money the mall collected for it, all as "the mall owes the tenant" (negative: the tenant owes the mall), and their
-- sum. The unique key makes closing a month twice, or on two nodes at once, write each statement once.
create table mall_statement (
    id                  uuid primary key,
    mall_id             uuid        not null references mall (id),
    tenant_merchant_id  uuid        not null,
    month               date        not null check (extract(day from month) = 1),
    points_issued       bigint      not null,
    points_redeemed     bigint      not null,
    points_per_yuan_off integer     not null,
    points_minor        bigint      not null,
    coupons_due_minor   bigint      not null,
    collected_due_minor bigint      not null,
    net_minor           bigint      not null,
    closed_at           timestamptz not null,
    unique (mall_id, tenant_merchant_id, month)
);
create index mall_statement_by_tenant on mall_statement (tenant_merchant_id, month desc);

-- The payout a statement asks for: who pays whom how much; marked paid once, with the transfer's reference.
create table mall_payout (
    statement_id uuid primary key references mall_statement (id),
    amount_minor bigint      not null check (amount_minor >= 0),
    direction    text        not null check (direction in ('MALL_TO_TENANT', 'TENANT_TO_MALL', 'NONE')),
    status       text        not null check (status in ('PENDING', 'PAID')),
    reference    text,
    paid_at      timestamptz,
    check ((status = 'PAID') = (paid_at is not null and reference is not null))
);
