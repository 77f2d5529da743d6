-- A customer merged into another keeps its row (its phone still signs in) and points at the one it became.
alter table customer
    add column merged_into   uuid references customer (id),
    add column merged_at     timestamptz,
    add column wechat_openid text unique,
    add constraint customer_merged_check check ((merged_into is null) = (merged_at is null) and merged_into <> id);
create index customer_merged_into_idx on customer (merged_into) where merged_into is not null;

-- Physical member cards: a card number is unique within its merchant.
create table member_card (
    merchant_id uuid        not null,
    card_number text        not null check (card_number ~ '^[0-9A-Za-z-]{4,32}$'),
    customer_id uuid        not null references customer (id),
    bound_at    timestamptz not null,
    primary key (merchant_id, card_number)
);
create index member_card_customer_idx on member_card (customer_id, merchant_id);

-- Who merged whom, when: the audit trail of the operator's merges.
create table customer_merge (
    source_id   uuid primary key references customer (id),
    target_id   uuid        not null references customer (id),
    operator_id uuid        not null,
    merged_at   timestamptz not null
);
