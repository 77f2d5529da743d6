-- A mall's events: run by the mall's merchant (the mall operator) at a place in the mall, with a capacity taken one
-- seat at a time by one conditional update (taken < capacity), a price (0: free), a sign-up deadline, and the
-- campaign (of the mall's merchant, for the whole group) whose tracking code a check-in scans for the attendee.
create table mall_event (
    id                 uuid primary key,
    mall_id            uuid        not null,
    merchant_id        uuid        not null,
    title              text        not null,
    description        text        not null,
    place              text        not null,
    starts_at          timestamptz not null,
    ends_at            timestamptz not null check (ends_at > starts_at),
    sign_up_deadline   timestamptz not null check (sign_up_deadline <= starts_at),
    capacity           int         not null check (capacity between 1 and 100000),
    taken              int         not null default 0 check (taken >= 0 and taken <= capacity),
    price_minor        bigint      not null check (price_minor >= 0),
    currency           text        not null,
    status             text        not null check (status in ('SCHEDULED', 'CANCELLED')),
    campaign_id        uuid        not null,
    tracking_code      text        not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    cancelled_at       timestamptz
);
create index mall_event_mall_idx on mall_event (mall_id, starts_at);

-- A customer's sign-up: one seat of its event while PENDING_PAYMENT or CONFIRMED; EXPIRED (its order cancelled
-- unpaid) and CANCELLED (the event cancelled) gave it back. One holding sign-up per customer and event.
create table mall_event_sign_up (
    id             uuid primary key,
    event_id       uuid        not null references mall_event (id),
    customer_id    uuid        not null,
    status         text        not null check (status in ('PENDING_PAYMENT', 'CONFIRMED', 'EXPIRED', 'CANCELLED')),
    order_id       uuid unique,
    created_at     timestamptz not null,
    confirmed_at   timestamptz,
    released_at    timestamptz,
    reminded_at    timestamptz,
    checked_in_at  timestamptz,
    checked_in_by  uuid,
    -- what became of a paid seat when the mall cancelled the event
    refunded       boolean     not null default false
);
create unique index mall_event_sign_up_once on mall_event_sign_up (event_id, customer_id)
    where status in ('PENDING_PAYMENT', 'CONFIRMED');
create index mall_event_sign_up_customer_idx on mall_event_sign_up (customer_id, created_at desc);
create index mall_event_sign_up_event_idx on mall_event_sign_up (event_id, created_at);
-- the reminder relay looks only at confirmed sign-ups not yet reminded
create index mall_event_sign_up_remind_idx on mall_event_sign_up (event_id) where status = 'CONFIRMED' and reminded_at is null;
