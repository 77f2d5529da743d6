-- A review of one order by the customer who bought it: three scores of 1-5, text and up to six https photos. One per
-- order, by the unique key, so of two simultaneous posts for an order one is stored. A review whose overall score (the
-- mean of the three) is 2 or less is flagged: the merchant owes a reply by reply_due_at and may mark it resolved.
create table review (
    id            uuid primary key,
    merchant_id   uuid        not null,
    store_id      uuid        not null,
    order_id      uuid        not null,
    customer_id   uuid        not null,
    taste         smallint    not null check (taste between 1 and 5),
    environment   smallint    not null check (environment between 1 and 5),
    service       smallint    not null check (service between 1 and 5),
    body          text        not null check (length(body) <= 1000),
    photos        text[]      not null check (cardinality(photos) <= 6),
    created_at    timestamptz not null,
    flagged       boolean     not null,
    reply_due_at  timestamptz,
    reply         text check (length(reply) <= 1000),
    replied_at    timestamptz,
    resolved_at   timestamptz,
    -- hidden by the operator: gone from the store's list and its average, kept for the merchant and the record
    hidden_at     timestamptz,
    hidden_reason text,
    unique (merchant_id, order_id),
    check (flagged = (reply_due_at is not null)),
    check (resolved_at is null or flagged)
);

-- The store's public list, newest first, without hidden reviews.
create index review_store_listed on review (store_id, created_at desc, id desc) where hidden_at is null;
-- The merchant's inbox, newest first.
create index review_merchant_inbox on review (merchant_id, created_at desc, id desc);

-- Each store's count and sum of scores over its shown reviews, moved by one upsert with each review and back by one
-- update when the operator hides one, in the same transaction; the nearby list reads one row per store. The sum is of
-- taste + environment + service, so the average of the overall scores is stars_sum / (3 * reviews), exactly.
create table store_rating (
    store_id    uuid primary key,
    merchant_id uuid   not null,
    reviews     int    not null check (reviews >= 0),
    stars_sum   bigint not null check (stars_sum >= 0),
    unique (merchant_id, store_id)
);
