-- A points program: one merchant's, or shared by a group of merchants (a mall).
create table points_program (
    id                uuid primary key,
    owner_merchant_id uuid        not null,
    name              text        not null,
    -- points earned per yuan paid
    points_per_yuan   int         not null default 1 check (points_per_yuan >= 0),
    created_at        timestamptz not null
);

create table points_program_merchant (
    program_id  uuid not null references points_program (id),
    merchant_id uuid not null primary key
);

create table membership (
    merchant_id uuid        not null,
    customer_id uuid        not null,
    program_id  uuid        not null references points_program (id),
    channel     text        not null,
    joined_at   timestamptz not null,
    primary key (merchant_id, customer_id)
);
create index membership_customer_idx on membership (customer_id);

-- Points earned, by lot, for first-in-first-out expiry.
create table points_lot (
    id          uuid primary key,
    program_id  uuid        not null,
    merchant_id uuid        not null,
    customer_id uuid        not null,
    reference   text        not null unique,
    points      bigint      not null check (points > 0),
    remaining   bigint      not null check (remaining between 0 and points),
    earned_at   timestamptz not null,
    expires_at  timestamptz not null
);
create index points_lot_open_idx on points_lot (customer_id, program_id, expires_at) where remaining > 0;
