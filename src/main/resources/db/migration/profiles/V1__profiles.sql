-- Paid orders, refunds and new members heard in the transaction that made them, waiting for the drain to add them to
-- the members' profiles in batches (one insert on the hot path instead of a transaction of its own).
create table profile_pending_fact (
    id          bigint generated always as identity primary key,
    kind        text        not null,
    fact_id     text        not null,
    merchant_id uuid        not null,
    customer_id uuid,
    order_id    uuid,
    amount      bigint      not null default 0,
    at          timestamptz not null,
    -- why the fact could not be counted, when it could not: it is then kept, and taken no more
    set_aside   text
);

-- The facts the profiles count, each once: a fact heard twice, or imported and heard, finds its key taken.
create table profile_applied_fact (
    kind    text not null,
    fact_id text not null,
    primary key (kind, fact_id)
);

-- A member's paid orders and net spend per day (Asia/Shanghai) at a merchant: what the 90- and 365-day windows and
-- the monthly chart are summed from. A refund counts on the day of the order it refunds.
create table profile_day (
    merchant_id uuid   not null,
    customer_id uuid   not null,
    day         date   not null,
    visits      int    not null,
    spend       bigint not null,
    primary key (merchant_id, customer_id, day)
);

-- One row per customer known at a merchant: the facts segments filter on. Windows are as of windows_at; when
-- window_due_at passes, a day has left a window and the row is summed again from profile_day.
create table profile_fact (
    merchant_id    uuid        not null,
    customer_id    uuid        not null,
    joined_at      timestamptz,
    first_visit_at timestamptz,
    last_visit_at  timestamptz,
    visits         bigint      not null default 0,
    spend          bigint      not null default 0,
    visits_90      bigint      not null default 0,
    spend_90       bigint      not null default 0,
    visits_365     bigint      not null default 0,
    spend_365      bigint      not null default 0,
    window_due_at  timestamptz,
    r_score        smallint,
    f_score        smallint,
    m_score        smallint,
    rfm_group      text,
    primary key (merchant_id, customer_id)
);
create index profile_fact_window_due_idx on profile_fact (window_due_at) where window_due_at is not null;
-- A merged customer's rows are found by customer across merchants (rare, but not a scan of every profile).
create index profile_fact_customer_idx on profile_fact (customer_id);

-- Where, what and how a member bought: visits per store, quantity and amount per item title, orders per channel.
create table profile_store (
    merchant_id uuid   not null,
    customer_id uuid   not null,
    store_id    uuid   not null,
    visits      bigint not null,
    primary key (merchant_id, customer_id, store_id)
);

create table profile_item (
    merchant_id uuid   not null,
    customer_id uuid   not null,
    title       text   not null,
    quantity    bigint not null,
    amount      bigint not null,
    primary key (merchant_id, customer_id, title)
);

create table profile_channel (
    merchant_id uuid   not null,
    customer_id uuid   not null,
    channel     text   not null,
    orders      bigint not null,
    primary key (merchant_id, customer_id, channel)
);

-- A merchant's short tags on its members.
create table profile_tag (
    merchant_id uuid        not null,
    customer_id uuid        not null,
    tag         text        not null,
    created_at  timestamptz not null,
    primary key (merchant_id, customer_id, tag)
);
