-- Earn rules of a points program: a rate per channel over the program's default, bonus events, when lots expire;
-- group programs (a mall) shared by several merchants; tiers with their benefits and every member's tier history.
alter table points_program
    add column shared        boolean not null default false,
    -- END_OF_NEXT_YEAR, or MONTHS (after expiry_months months)
    add column expiry_policy text    not null default 'END_OF_NEXT_YEAR' check (expiry_policy in ('END_OF_NEXT_YEAR', 'MONTHS')),
    add column expiry_months int     check (expiry_months between 1 and 120),
    -- what tiers are measured by: POINTS earned or SPEND (in 分), over the last tier_period_days days or for ever
    add column tier_basis    text    not null default 'POINTS' check (tier_basis in ('POINTS', 'SPEND')),
    add column tier_period_days int  check (tier_period_days between 1 and 3660),
    add check ((expiry_policy = 'MONTHS') = (expiry_months is not null));

create table points_channel_rate (
    program_id      uuid not null references points_program (id),
    channel         text not null,
    points_per_yuan int  not null check (points_per_yuan between 0 and 1000),
    primary key (program_id, channel)
);

create table points_bonus_event (
    id                 uuid primary key,
    program_id         uuid        not null references points_program (id),
    starts_at          timestamptz not null,
    ends_at            timestamptz not null,
    multiplier_percent int         not null check (multiplier_percent between 100 and 10000),
    -- null: every channel
    channel            text,
    check (starts_at < ends_at)
);
create index points_bonus_event_program_idx on points_bonus_event (program_id, ends_at);

-- Tier levels by rank (1 = the lowest level); a threshold in points, or in whole yuan for SPEND.
create table tier_level (
    program_id                uuid   not null references points_program (id),
    rank                      int    not null check (rank >= 1),
    name                      text   not null,
    threshold                 bigint not null check (threshold >= 0),
    discount_percent          int    not null check (discount_percent between 0 and 100),
    points_multiplier_percent int    not null check (points_multiplier_percent between 100 and 10000),
    primary key (program_id, rank)
);

-- What counts towards tiers: each paid order (+) and refund (−) of a member, once per reference.
create table tier_activity (
    program_id  uuid        not null,
    customer_id uuid        not null,
    merchant_id uuid        not null,
    reference   text        not null unique,
    points      bigint      not null,
    spend_minor bigint      not null,
    at          timestamptz not null
);
create index tier_activity_member_idx on tier_activity (program_id, customer_id, at);

-- A member's current tier in a program (rank 0: none yet); the row is locked while the tier is re-evaluated.
create table member_tier (
    program_id  uuid        not null,
    customer_id uuid        not null,
    rank        int         not null default 0,
    since       timestamptz not null,
    primary key (program_id, customer_id)
);

create table tier_change (
    id          uuid primary key,
    program_id  uuid        not null,
    customer_id uuid        not null,
    from_rank   int         not null,
    from_name   text,
    to_rank     int         not null,
    to_name     text,
    -- EARN, REFUND, PERIOD (the nightly job), RULES (the merchant changed the tiers)
    reason      text        not null,
    at          timestamptz not null
);
create index tier_change_member_idx on tier_change (program_id, customer_id, at desc);

-- Orders that earned before tiers existed count with their points (their spend was not recorded with the lot).
insert into tier_activity (program_id, customer_id, merchant_id, reference, points, spend_minor, at)
select program_id, customer_id, merchant_id, reference, points, 0, earned_at from points_lot
on conflict (reference) do nothing;
