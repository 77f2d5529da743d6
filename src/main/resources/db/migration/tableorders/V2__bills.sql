-- A table's bill: asked for once per session (a diner or staff), it freezes what the table ordered — every round item
-- not voided — so no later round changes what the diners split. Staff may reopen a bill nobody paid anything of; the
-- reopened one is kept for the record and the next request opens a new one with the rounds of that moment.
create table table_bill (
    id             uuid primary key,
    merchant_id    uuid        not null,
    store_id       uuid        not null,
    session_id     uuid        not null,
    table_id       uuid        not null,
    status         text        not null check (status in ('OPEN', 'SETTLED', 'REOPENED')),
    -- how it is split: WHOLE (one share), EVEN (parts equal shares), ITEMS (each diner claims items); null until chosen
    split          text check (split in ('WHOLE', 'EVEN', 'ITEMS')),
    parts          int check (parts between 1 and 99),
    subtotal_minor bigint      not null check (subtotal_minor > 0),
    currency       text        not null,
    opened_by      text        not null,
    opened_at      timestamptz not null,
    settled_at     timestamptz,
    reopened_at    timestamptz
);
-- one live bill per session: diners asking at once all get the same one
create unique index table_bill_live_idx on table_bill (session_id) where status in ('OPEN', 'SETTLED');
create index table_bill_table_idx on table_bill (merchant_id, table_id, opened_at);

-- A share of the bill, paid by one payer through one order (placed when the payer starts paying; an order cancelled
-- unpaid frees the share again). Item shares own their items through bill_item.share_id.
create table bill_share (
    id           uuid primary key,
    merchant_id  uuid        not null,
    bill_id      uuid        not null references table_bill (id),
    -- WHOLE, EVEN (position of parts), ITEMS (the diner's claim), REST (the items nobody claimed)
    kind         text        not null check (kind in ('WHOLE', 'EVEN', 'ITEMS', 'REST')),
    position     int         not null,
    -- fixed for WHOLE and EVEN shares; item shares are worth the sum of their items
    amount_minor bigint check (amount_minor >= 0),
    claimed_by   uuid,
    order_id     uuid,
    payer_id     uuid,
    paid_at      timestamptz,
    created_at   timestamptz not null
);
create index bill_share_bill_idx on bill_share (bill_id, position);
create unique index bill_share_order_idx on bill_share (order_id) where order_id is not null;
-- a diner has one item share per bill, which their claims fill
create unique index bill_share_claim_idx on bill_share (bill_id, claimed_by) where kind = 'ITEMS';

-- The items the bill charges, frozen from the rounds when it was asked for; claimed by at most one share, in one
-- conditional statement (… where share_id is null).
create table bill_item (
    bill_id          uuid    not null references table_bill (id),
    round_item_id    uuid    not null,
    merchant_id      uuid    not null,
    item_id          uuid    not null,
    round_number     int     not null,
    name             text    not null,
    options          text[]  not null default '{}',
    unit_price_minor bigint  not null check (unit_price_minor >= 0),
    quantity         int     not null check (quantity between 1 and 99),
    amount_minor     bigint  not null check (amount_minor >= 0),
    share_id         uuid references bill_share (id),
    primary key (bill_id, round_item_id)
);
create index bill_item_share_idx on bill_item (share_id) where share_id is not null;
