-- What staff call a member, and the member's number: the short, stable name of a membership that the rotating
-- member QR code carries (so the code stays short enough to type). Existing memberships are numbered too.
alter table membership add column display_name text check (display_name is null or length(display_name) between 1 and 40);
create sequence membership_number_seq;
alter table membership add column member_no bigint not null default nextval('membership_number_seq');
alter sequence membership_number_seq owned by membership.member_no;
create unique index membership_member_no_idx on membership (member_no);
-- the member list: newest first, paged by (joined_at, customer_id)
create index membership_list_idx on membership (merchant_id, joined_at desc, customer_id desc);

-- Visits and spend per customer per merchant, a projection of the order events. Each paid order is counted once
-- (its id is the key of member_activity_order) and each refund once (order id + refund reference).
create table member_activity (
    merchant_id    uuid        not null,
    customer_id    uuid        not null,
    visits         int         not null check (visits >= 0),
    paid_minor     bigint      not null check (paid_minor >= 0),
    refunded_minor bigint      not null check (refunded_minor >= 0),
    currency       char(3)     not null,
    last_visit_at  timestamptz not null,
    primary key (merchant_id, customer_id)
);

create table member_activity_order (
    order_id       uuid primary key,
    merchant_id    uuid        not null,
    customer_id    uuid        not null,
    channel        text        not null,
    total_minor    bigint      not null check (total_minor >= 0),
    refunded_minor bigint      not null default 0 check (refunded_minor between 0 and total_minor),
    currency       char(3)     not null,
    paid_at        timestamptz not null
);
create index member_activity_order_member_idx on member_activity_order (merchant_id, customer_id, paid_at desc);

create table member_activity_refund (
    order_id    uuid        not null,
    reference   text        not null,
    merchant_id uuid        not null,
    amount_minor bigint     not null check (amount_minor >= 0),
    at          timestamptz not null,
    primary key (order_id, reference)
);

-- Orders paid before this projection existed (refunds so far are in the order's refunded_minor).
insert into member_activity_order (order_id, merchant_id, customer_id, channel, total_minor, refunded_minor, currency,
                                   paid_at)
select id, merchant_id, customer_id, channel, total_minor, refunded_minor, currency, paid_at
from customer_order where paid_at is not null;
insert into member_activity (merchant_id, customer_id, visits, paid_minor, refunded_minor, currency, last_visit_at)
select merchant_id, customer_id, count(*), sum(total_minor), sum(refunded_minor), min(currency), max(paid_at)
from member_activity_order group by merchant_id, customer_id;
