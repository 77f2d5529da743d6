-- A store's delivery zones: a circle round the store or a polygon of points, tried in priority order (1 first). Each
-- has its own minimum order, fee (a base plus per-kilometre bands beyond a distance) and, when it differs from the
-- store's, its own hours.
create table delivery_zone (
    id              uuid primary key,
    merchant_id     uuid        not null,
    store_id        uuid        not null,
    name            text        not null,
    priority        int         not null check (priority between 1 and 1000),
    shape           text        not null check (shape in ('CIRCLE', 'POLYGON')),
    radius_m        int         check (radius_m between 1 and 100000),
    -- a polygon's points as [[lat, lng], ...], in order, not closed
    points          jsonb,
    min_order_minor bigint      not null check (min_order_minor >= 0),
    base_fee_minor  bigint      not null check (base_fee_minor >= 0),
    -- [{"fromMeters": 3000, "perKmMinor": 100}, ...], ascending
    fee_bands       jsonb       not null default '[]',
    currency        text        not null,
    -- the store's opening_hours column format (one text per weekday), or null for the store's own hours
    hours           text[],
    active          boolean     not null default true,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    check ((shape = 'CIRCLE') = (radius_m is not null)),
    check ((shape = 'POLYGON') = (points is not null))
);
create index delivery_zone_store_idx on delivery_zone (store_id) where active;

-- How a store delivers: minutes to prepare with an empty kitchen and per order waiting before, courier speed, how many
-- open orders it takes before it stops promising 30 minutes, and who carries (its own couriers or a provider).
create table delivery_settings (
    merchant_id           uuid        not null,
    store_id              uuid        not null,
    preparation_minutes   int         not null check (preparation_minutes between 0 and 240),
    minutes_per_queued    int         not null check (minutes_per_queued between 0 and 60),
    speed_kmh             int         not null check (speed_kmh between 1 and 120),
    capacity              int         not null check (capacity between 1 and 1000),
    provider              text        not null,
    own_cost_minor        bigint      not null check (own_cost_minor >= 0),
    updated_at            timestamptz not null,
    primary key (merchant_id, store_id)
);

-- A customer's address book.
create table delivery_address (
    id          uuid primary key,
    customer_id uuid        not null,
    label       text        not null,
    contact     text        not null,
    phone       text        not null,
    address     text        not null,
    lat         double precision not null,
    lng         double precision not null,
    created_at  timestamptz not null,
    deleted     boolean     not null default false
);
create index delivery_address_customer_idx on delivery_address (customer_id, created_at) where not deleted;

-- A delivery order beside its order (orders module): where it goes (a copy of the address as ordered), the zone and
-- fee it was priced with, the promise, the code the customer gives the courier, who carries it and where it stands.
create table delivery_order (
    order_id          uuid primary key,
    merchant_id       uuid        not null,
    store_id          uuid        not null,
    customer_id       uuid        not null,
    zone_id           uuid        not null,
    status            text        not null check (status in ('CREATED', 'ACCEPTED', 'COURIER_ASSIGNED', 'PICKED_UP',
                          'DELIVERED', 'CANCELLED', 'RETURNED')),
    contact           text        not null,
    phone             text        not null,
    address           text        not null,
    lat               double precision not null,
    lng               double precision not null,
    distance_m        int         not null,
    fee_minor         bigint      not null,
    cost_minor        bigint      not null default 0,
    currency          text        not null,
    promised_minutes  int         not null,
    promised_at       timestamptz,
    code              text        not null check (code ~ '^[0-9]{4}$'),
    note              text        not null default '',
    provider          text        not null,
    provider_ref      text,
    courier_id        uuid,
    courier_name      text,
    problem           text,
    placed_at         timestamptz not null,
    paid_at           timestamptz,
    accepted_at       timestamptz,
    ready_at          timestamptz,
    assigned_at       timestamptz,
    picked_up_at      timestamptz,
    delivered_at      timestamptz,
    ended_at          timestamptz,
    courier_lat       double precision,
    courier_lng       double precision,
    courier_seen_at   timestamptz
);
create unique index delivery_order_provider_ref_idx on delivery_order (merchant_id, provider, provider_ref)
    where provider_ref is not null;
create index delivery_order_store_idx on delivery_order (store_id, status, placed_at);
create index delivery_order_courier_idx on delivery_order (courier_id, status) where courier_id is not null;
create index delivery_order_customer_idx on delivery_order (customer_id, placed_at);
create index delivery_order_figures_idx on delivery_order (merchant_id, paid_at) where paid_at is not null;

-- Every move of a delivery order, in order: the state it reached, who moved it, the courier it was given to or
-- taken from. A reassignment is a row here; the order keeps its whole history.
create table delivery_event (
    id          bigserial primary key,
    order_id    uuid        not null,
    merchant_id uuid        not null,
    status      text        not null,
    what        text        not null,
    courier_id  uuid,
    actor       text        not null,
    at          timestamptz not null
);
create index delivery_event_order_idx on delivery_event (order_id, id);

-- A merchant's couriers on shift and where they were last.
create table delivery_courier (
    merchant_id uuid        not null,
    staff_id    uuid        not null,
    name        text        not null,
    on_shift    boolean     not null,
    lat         double precision,
    lng         double precision,
    seen_at     timestamptz,
    updated_at  timestamptz not null,
    primary key (merchant_id, staff_id)
);

-- The callbacks a courier provider has sent, by its event id: one delivered twice moves the order once.
create table delivery_callback (
    provider    text        not null,
    event_id    text        not null,
    order_id    uuid        not null,
    received_at timestamptz not null,
    primary key (provider, event_id)
);
