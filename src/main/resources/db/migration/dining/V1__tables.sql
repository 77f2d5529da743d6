-- Areas of a store's floor (大厅, 包间).
create table dining_area (
    id          uuid primary key,
    merchant_id uuid        not null,
    store_id    uuid        not null,
    name        text        not null,
    position    int         not null default 0,
    created_at  timestamptz not null,
    unique (merchant_id, store_id, name)
);

-- A table and the random code its QR carries. The code is unique across the platform (a scan names no merchant),
-- which makes it unique per merchant as well.
create table dining_table (
    id          uuid primary key,
    merchant_id uuid        not null,
    store_id    uuid        not null,
    area_id     uuid references dining_area (id),
    label       text        not null,
    seats       int         not null check (seats between 1 and 99),
    code        text        not null unique,
    active      boolean     not null default true,
    created_at  timestamptz not null,
    unique (merchant_id, code)
);
-- a label names one live table in a store; a retired table's label may be used again
create unique index dining_table_label_idx on dining_table (merchant_id, store_id, label) where active;
create index dining_table_store_idx on dining_table (store_id, label);

-- A party at a table, from the first scan (or staff, or a reservation's check-in) until the bill is closed.
create table table_session (
    id            uuid primary key,
    merchant_id   uuid        not null,
    store_id      uuid        not null,
    table_id      uuid        not null references dining_table (id),
    party_size    int check (party_size between 1 and 99),
    source        text        not null,
    tracking_code text,
    opened_at     timestamptz not null,
    closed_at     timestamptz
);
-- at most one open session per table: concurrent openers meet here and all but one insert nothing
create unique index table_session_open_idx on table_session (table_id) where closed_at is null;
create index table_session_table_idx on table_session (table_id, opened_at desc);

-- Signed-in diners who joined a session.
create table table_session_diner (
    session_id  uuid        not null references table_session (id),
    merchant_id uuid        not null,
    customer_id uuid        not null,
    joined_at   timestamptz not null,
    primary key (session_id, customer_id)
);

-- Every scan of a table's QR: which table, which tracking code, who (a signed-in customer, else the phone's cookie),
-- and whether it led the diner to join the merchant's membership.
create table table_scan (
    id            uuid primary key,
    merchant_id   uuid        not null,
    store_id      uuid        not null,
    table_id      uuid        not null references dining_table (id),
    session_id    uuid        not null references table_session (id),
    tracking_code text,
    customer_id   uuid,
    diner_key     text        not null,
    scanned_at    timestamptz not null,
    -- the day in the store's own time zone, for the daily conversion figures
    scan_date     date        not null,
    joined        boolean     not null default false
);
create index table_scan_stats_idx on table_scan (merchant_id, scan_date, store_id);
