-- A store's booking rules: bookable start times per weekday (in the store's time zone), how far ahead and until when
-- a slot can be booked, the deposit, the free-cancellation period and when the reminder goes out.
create table reservation_settings (
    store_id             uuid primary key,
    merchant_id          uuid        not null,
    -- seven entries, Monday first, each like "11:30,12:00,17:30" or empty (no bookings that day)
    slots                text[]      not null,
    days_ahead           int         not null check (days_ahead between 0 and 365),
    cutoff_minutes       int         not null check (cutoff_minutes between 0 and 10080),
    deposit_minor        bigint      not null check (deposit_minor >= 0),
    deposit_per_person   boolean     not null,
    currency             text        not null,
    free_cancel_hours    int         not null check (free_cancel_hours between 0 and 720),
    reminder_minutes     int         not null check (reminder_minutes between 0 and 10080),
    updated_at           timestamptz not null,
    unique (merchant_id, store_id)
);

-- Table types (小桌 1–2, 中桌 3–4, …): the party sizes a type seats and how many of its tables each slot offers.
create table reservation_table_type (
    merchant_id uuid not null,
    store_id    uuid not null references reservation_settings (store_id),
    name        text not null,
    min_party   int  not null check (min_party between 1 and 99),
    max_party   int  not null check (max_party between min_party and 99),
    tables      int  not null check (tables between 0 and 999),
    position    int  not null,
    primary key (store_id, name),
    unique (merchant_id, store_id, name)
);

-- What one slot of one table type has taken: created on the first booking (insert … on conflict do nothing) and
-- taken by one conditional update (booked < capacity), so concurrent bookings can never overbook it.
create table reservation_slot (
    merchant_id uuid not null,
    store_id    uuid not null,
    slot_date   date not null,
    slot_time   time not null,
    table_type  text not null,
    capacity    int  not null check (capacity >= 0),
    booked      int  not null default 0 check (booked >= 0),
    primary key (store_id, slot_date, slot_time, table_type),
    unique (merchant_id, store_id, slot_date, slot_time, table_type)
);

-- A booking. It holds one unit of its slot's counter while PENDING_DEPOSIT, CONFIRMED, SEATED or NO_SHOW; CANCELLED and
-- EXPIRED gave it back (the transition into them is conditional, so it is given back once).
create table reservation (
    id              uuid primary key,
    merchant_id     uuid        not null,
    store_id        uuid        not null,
    customer_id     uuid        not null,
    slot_date       date        not null,
    slot_time       time        not null,
    starts_at       timestamptz not null,
    table_type      text        not null,
    party_size      int         not null check (party_size between 1 and 99),
    contact_name    text        not null,
    contact_phone   text        not null,
    note            text        not null,
    status          text        not null check (status in ('PENDING_DEPOSIT', 'CONFIRMED', 'SEATED', 'NO_SHOW',
                                                           'CANCELLED', 'EXPIRED')),
    deposit_minor   bigint      not null check (deposit_minor >= 0),
    currency        text        not null,
    -- the deposit's RESERVATION order, when there is a deposit
    order_id        uuid unique,
    -- free cancellation (full refund) until this instant; later the deposit is forfeited
    free_cancel_until timestamptz not null,
    remind_at       timestamptz not null,
    reminded_at     timestamptz,
    created_at      timestamptz not null,
    confirmed_at    timestamptz,
    cancelled_at    timestamptz,
    cancelled_by    text,
    seated_at       timestamptz,
    table_id        uuid,
    session_id      uuid,
    no_show_at      timestamptz,
    -- what became of a paid deposit: REFUNDED (cancelled in time, by the store, or the party arrived) or FORFEITED
    deposit_outcome text check (deposit_outcome in ('REFUNDED', 'FORFEITED'))
);
create index reservation_day_idx on reservation (merchant_id, store_id, slot_date, slot_time);
create index reservation_customer_idx on reservation (customer_id, starts_at desc);
-- the reminder relay looks only at confirmed bookings not yet reminded
create index reservation_remind_idx on reservation (remind_at) where status = 'CONFIRMED' and reminded_at is null;
