-- How a program's points are spent as money: points per yuan off, the most of an order's amount points may pay
-- (percent), and the fewest points one use may spend.
alter table points_program
    add column points_per_yuan_off    int    not null default 100 check (points_per_yuan_off between 1 and 100000),
    add column redemption_cap_percent int    not null default 50 check (redemption_cap_percent between 0 and 100),
    add column min_points_per_use     bigint not null default 0 check (min_points_per_use >= 0);

-- Which lots a spending took its points from (oldest expiry first), so that giving back restores the same lots.
create table points_lot_use (
    reference text   not null,
    lot_id    uuid   not null references points_lot (id),
    points    bigint not null check (points > 0),
    returned  bigint not null default 0 check (returned between 0 and points),
    primary key (reference, lot_id)
);

-- Coupons a merchant offers in exchange for points; stock is optional (null: as many as the coupon allows).
create table points_mall_item (
    id                 uuid primary key,
    merchant_id        uuid        not null,
    program_id         uuid        not null references points_program (id),
    coupon_template_id uuid        not null,
    points             bigint      not null check (points > 0),
    stock              int check (stock >= 0),
    exchanged          int         not null default 0 check (exchanged >= 0),
    active             boolean     not null default true,
    created_at         timestamptz not null
);
create index points_mall_item_merchant_idx on points_mall_item (merchant_id, created_at desc) where active;

-- Each exchange, once per reference (mall:<customerId>:<Idempotency-Key>).
create table points_mall_exchange (
    reference   text primary key,
    item_id     uuid        not null references points_mall_item (id),
    merchant_id uuid        not null,
    customer_id uuid        not null,
    points      bigint      not null check (points > 0),
    -- filled in once the coupon is granted, in the same transaction
    coupon_id   uuid,
    created_at  timestamptz not null
);
create index points_mall_exchange_customer_idx on points_mall_exchange (customer_id, created_at desc);
