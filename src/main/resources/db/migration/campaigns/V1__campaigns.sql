-- A merchant's campaign: what it spends over which days, and how long after a scan an order still counts for it.
create table campaign (
    id               uuid primary key,
    merchant_id      uuid        not null,
    name             text        not null check (length(name) between 1 and 100),
    goal             text        check (goal is null or length(goal) <= 500),
    starts_on        date        not null,
    ends_on          date        not null,
    media_cost_minor bigint      not null check (media_cost_minor >= 0),
    currency         char(3)     not null,
    attribution_days int         not null default 7 check (attribution_days between 1 and 90),
    created_at       timestamptz not null,
    created_by       uuid        not null,
    check (ends_on >= starts_on),
    unique (merchant_id, id)
);
-- the merchant's list, newest first, paged by (created_at, id)
create index campaign_merchant_idx on campaign (merchant_id, created_at desc, id desc);

-- One printed code of a campaign. The short link /c/{code} names no merchant, so the code is unique platform-wide.
create table tracking_code (
    id          uuid primary key,
    merchant_id uuid        not null,
    campaign_id uuid        not null,
    code        text        not null unique check (code ~ '^[A-Za-z0-9_-]{3,32}$'),
    channel     text        not null check (channel in ('POSTER', 'FLYER', 'TABLE_TENT', 'STAFF_REFERRAL', 'SMS',
                                                        'WECHAT_ARTICLE', 'PARTNER', 'OTHER')),
    store_id    uuid,
    staff_id    uuid,
    target      text        not null check (target in ('STORE', 'DEAL', 'MENU', 'JOIN', 'BOOKING', 'PICKUP')),
    -- the landing page's object: the deal for DEAL, the store for every other target
    target_id   uuid        not null,
    label       text        check (label is null or length(label) <= 100),
    created_at  timestamptz not null,
    foreign key (merchant_id, campaign_id) references campaign (merchant_id, id),
    unique (merchant_id, id)
);
create index tracking_code_campaign_idx on tracking_code (merchant_id, campaign_id, created_at, id);

-- One scan of a code. Attribution looks up a visitor's or a customer's last scans at a merchant before a moment.
create table campaign_scan (
    id          uuid primary key,
    merchant_id uuid        not null,
    code_id     uuid        not null,
    campaign_id uuid        not null,
    scanned_at  timestamptz not null,
    visitor_id  uuid        not null,
    customer_id uuid,
    device      text        not null check (device in ('WECHAT', 'ALIPAY', 'IOS', 'ANDROID', 'DESKTOP', 'OTHER')),
    foreign key (merchant_id, code_id) references tracking_code (merchant_id, id)
);
create index campaign_scan_visitor_idx on campaign_scan (merchant_id, visitor_id, scanned_at desc);
create index campaign_scan_customer_idx on campaign_scan (merchant_id, customer_id, scanned_at desc)
    where customer_id is not null;
-- the scan count of each code
create index campaign_scan_code_idx on campaign_scan (code_id);
