-- A merchant's saved segments: a checked rule tree (JSON) over the members' facts and tags.
create table segment (
    id          uuid primary key,
    merchant_id uuid        not null,
    name        text        not null,
    rule        text        not null,
    created_at  timestamptz not null
);
create index segment_merchant_idx on segment (merchant_id, created_at);

-- Who is in each segment now: kept by the drain for the members whose facts it changes, and by a job for the members
-- whose time condition ("no visit for 60 days") may have flipped.
create table segment_member (
    segment_id  uuid not null references segment (id) on delete cascade,
    merchant_id uuid not null,
    customer_id uuid not null,
    primary key (segment_id, customer_id)
);
-- a merged customer's memberships are found by merchant and customer
create index segment_member_customer_idx on segment_member (merchant_id, customer_id);

-- The next moment one of the merchant's segments' time conditions may flip for this member (their last visit plus a
-- condition's days); members whose moment passed are evaluated again.
alter table profile_fact add column segment_due_at timestamptz;
create index profile_fact_segment_due_idx on profile_fact (segment_due_at) where segment_due_at is not null;

-- A rule's "bought …" and "tagged …" look a title or tag up per member; these find the members who have one.
create index profile_item_title_idx on profile_item (merchant_id, title);
create index profile_tag_tag_idx on profile_tag (merchant_id, tag);
