-- A campaign that reaches members itself: a targeted send to a segment, or a journey that a member's own event
-- starts. Its id is the campaign's (campaigns module), whose period, attribution window and results it shares.
create table outreach (
    campaign_id       uuid        primary key,
    merchant_id       uuid        not null,
    kind              text        not null check (kind in ('TARGETED', 'WELCOME', 'WIN_BACK', 'BIRTHDAY',
                                                           'POINTS_EXPIRING', 'REVIEW_REQUEST')),
    segment_id        uuid,
    trigger_days      int         check (trigger_days between 1 and 365),
    offer_kind        text        not null check (offer_kind in ('NONE', 'COUPON', 'POINTS', 'STORED_VALUE')),
    coupon_template_id uuid,
    offer_points      bigint      check (offer_points > 0),
    offer_minor       bigint      check (offer_minor > 0),
    channels          text[]      not null,
    message           text,
    holdout_percent   int         not null check (holdout_percent between 0 and 50),
    send_at           timestamptz,
    status            text        not null check (status in ('SCHEDULED', 'SENDING', 'SENT', 'ACTIVE', 'PAUSED')),
    audience_size     int,
    created_at        timestamptz not null,
    created_by        uuid        not null,
    sent_at           timestamptz,
    check ((kind = 'TARGETED') = (segment_id is not null)),
    check ((offer_kind = 'COUPON') = (coupon_template_id is not null)),
    check ((offer_kind = 'POINTS') = (offer_points is not null)),
    check ((offer_kind = 'STORED_VALUE') = (offer_minor is not null)),
    check (cardinality(channels) = 0 or message is not null)
);
create index outreach_merchant_idx on outreach (merchant_id, created_at desc);
create index outreach_due_idx on outreach (send_at) where status in ('SCHEDULED', 'SENDING');
create index outreach_journey_idx on outreach (kind, merchant_id) where status = 'ACTIVE';

-- Each member a campaign took in, once per occurrence ('' for a targeted send; the order, the year, the expiry day
-- for a journey), in its treated or held-out arm, and what became of its message.
create table outreach_member (
    campaign_id  uuid        not null references outreach,
    customer_id  uuid        not null,
    occurrence   text        not null,
    arm          text        not null check (arm in ('TREATED', 'HOLDOUT')),
    entered_at   timestamptz not null,
    message      text        not null check (message in ('NONE', 'PENDING', 'SENT', 'CAPPED', 'OPTED_OUT',
                                                         'UNREACHABLE')),
    messaged_at  timestamptz,
    primary key (campaign_id, customer_id, occurrence)
);
create index outreach_member_pending_idx on outreach_member (entered_at) where message = 'PENDING';

-- The last marketing message a member had from a merchant, for the frequency cap across its campaigns.
create table outreach_contact (
    merchant_id  uuid        not null,
    customer_id  uuid        not null,
    last_at      timestamptz not null,
    primary key (merchant_id, customer_id)
);

-- Members who asked a merchant for no more marketing messages, and the token of each member's unsubscribe link.
create table outreach_opt_out (
    merchant_id  uuid        not null,
    customer_id  uuid        not null,
    at           timestamptz not null,
    primary key (merchant_id, customer_id)
);
create table outreach_link (
    token        text        primary key,
    merchant_id  uuid        not null,
    customer_id  uuid        not null,
    unique (merchant_id, customer_id)
);

-- A merchant's limit on marketing messages: at most one per member per so many days.
create table outreach_setting (
    merchant_id  uuid        primary key,
    cap_days     int         not null check (cap_days between 0 and 90)
);

-- Facts a journey may start from (a new member, a used purchase), heard in the fact's transaction and taken by the
-- journeys' drain in batches.
create table outreach_pending_fact (
    id           bigint      generated always as identity primary key,
    kind         text        not null,
    merchant_id  uuid        not null,
    customer_id  uuid        not null,
    occurrence   text        not null,
    at           timestamptz not null,
    set_aside    text
);
