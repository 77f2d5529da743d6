-- Plates members registered: a plate belongs to one customer (the key decides a race), at most three a customer.
create table parking_plate (
    plate       text        primary key,
    customer_id uuid        not null,
    added_at    timestamptz not null
);
create index parking_plate_by_customer on parking_plate (customer_id, added_at);

-- A mall's fee rules (a mall without a row has the defaults), and the free hours each tier name gives.
create table parking_rules (
    mall_id                   uuid        primary key,
    free_minutes              integer     not null,
    hourly_minor              bigint      not null,
    daily_cap_minor           bigint      not null,
    grace_minutes             integer     not null,
    spend_per_free_hour_minor bigint      not null,
    max_purchase_free_hours   integer     not null,
    updated_at                timestamptz not null
);

create table parking_tier_hours (
    mall_id   uuid    not null references parking_rules (mall_id),
    tier_name text    not null,
    hours     integer not null,
    primary key (mall_id, tier_name)
);

-- One stay, once per mall, plate and the car park's own entry id. Its status moves forward only, each move one
-- conditional update: PARKED → PAID (points spent under reference parking:<id>) → EXITED, or PARKED → EXITED.
create table parking_session (
    id                  uuid        primary key,
    mall_id             uuid        not null,
    plate               text        not null,
    entry_id            text        not null,
    entered_at          timestamptz not null,
    status              text        not null check (status in ('PARKED', 'PAID', 'EXITED')),
    paid_by             uuid,
    paid_at             timestamptz,
    paid_points         bigint,
    paid_minor          bigint,
    exited_at           timestamptz,
    exit_gross_minor    bigint,
    exit_discount_minor bigint,
    exit_due_minor      bigint,
    created_at          timestamptz not null,
    unique (mall_id, plate, entry_id)
);
create index parking_session_current on parking_session (plate, entered_at desc) where status <> 'EXITED';
create index parking_session_by_mall on parking_session (mall_id, entered_at desc);
