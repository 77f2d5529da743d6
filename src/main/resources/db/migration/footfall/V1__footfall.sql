-- People counted at a mall's entrances, per 15 minutes, as the door counters report them. The key is the counter's
-- POS key, the entrance and the interval's start: a batch sent again (or by eight retries at once) counts once, and
-- the first report of an interval stands (a later different count for it is reported as a duplicate, not applied).
create table footfall_door_count (
    device_key_id  uuid        not null,
    entrance       text        not null,
    interval_start timestamptz not null,
    mall_id        uuid        not null,
    people_in      integer     not null check (people_in >= 0),
    people_out     integer     not null check (people_out >= 0),
    received_at    timestamptz not null,
    primary key (device_key_id, entrance, interval_start)
);
create index footfall_door_count_by_mall on footfall_door_count (mall_id, interval_start);

-- A member's visit to a mall, known from the Wi-Fi sign-in (or a member code typed there): first and last seen; a
-- sign-in within 30 minutes of the last one extends the visit. Device and access point only as hashes.
create table footfall_visit (
    id          uuid        primary key,
    mall_id     uuid        not null,
    customer_id uuid        not null,
    via         text        not null,
    first_seen  timestamptz not null,
    last_seen   timestamptz not null,
    sign_ins    integer     not null default 1,
    device_hash text,
    ap_hash     text,
    check (last_seen >= first_seen)
);
create index footfall_visit_by_customer on footfall_visit (mall_id, customer_id, last_seen desc);
create index footfall_visit_by_day on footfall_visit (mall_id, first_seen);
