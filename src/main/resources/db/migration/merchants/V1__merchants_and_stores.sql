create table merchant (
    id               uuid primary key,
    name             text        not null,
    category         text        not null,
    contact_name     text        not null,
    contact_phone    text        not null,
    status           text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    rejection_reason text,
    applied_at       timestamptz not null,
    decided_at       timestamptz,
    decided_by       uuid
);
-- the operator's queue: pending applications, oldest first
create index merchant_status_idx on merchant (status, id);

create table store (
    id               uuid primary key,
    merchant_id      uuid             not null references merchant (id),
    name             text             not null,
    address          text             not null,
    city             text             not null,
    lat              double precision not null check (lat between -90 and 90),
    lng              double precision not null check (lng between -180 and 180),
    phone            text,
    time_zone        text             not null,
    -- seven entries, Monday first, each like '11:00-14:00,17:00-22:00'; empty = closed that day
    opening_hours    text[]           not null check (cardinality(opening_hours) = 7),
    service_radius_m int              not null check (service_radius_m between 0 and 100000),
    category         text             not null,
    tags             text[]           not null default '{}',
    photos           text[]           not null default '{}',
    active           boolean          not null default true,
    -- active and the merchant approved: findable by customers
    listed           boolean          not null default false,
    created_at       timestamptz      not null,
    updated_at       timestamptz      not null
);
create index store_merchant_idx on store (merchant_id);
-- nearby search: box containment and nearest-first ordering both run on this index
create index store_location_idx on store using gist (ll_to_earth(lat, lng)) where listed;
