-- The table's shared cart. Every diner's addition is a row of its own, so diners adding at once never overwrite one
-- another; the same dish with the same options added again by the same diner raises that row's quantity in one
-- statement. Submitting moves the rows into a round in one statement (delete … returning), so each goes out once.
create table cart_line (
    id          uuid primary key,
    merchant_id uuid        not null,
    store_id    uuid        not null,
    session_id  uuid        not null,
    item_id     uuid        not null,
    -- the chosen options, sorted, so the same choice is the same array
    option_ids  uuid[]      not null default '{}',
    quantity    int         not null check (quantity between 1 and 99),
    note        text check (length(note) <= 140),
    -- who put it in: a signed-in diner's customer id, an anonymous diner's cookie key (anon:…), or staff:<staff id>
    added_by    text        not null,
    customer_id uuid,
    added_at    timestamptz not null,
    -- the dish's name when it was added, to show the line even after the dish left the store's menu
    name        text        not null,
    unique (session_id, added_by, item_id, option_ids)
);
create index cart_line_session_idx on cart_line (session_id, added_at);

-- A batch of the cart sent to the kitchen; a table's rounds are numbered 1, 2, … in the order they were sent.
create table table_round (
    id           uuid primary key,
    merchant_id  uuid        not null,
    store_id     uuid        not null,
    session_id   uuid        not null,
    table_id     uuid        not null,
    number       int         not null,
    submitted_by text        not null,
    submitted_at timestamptz not null,
    unique (session_id, number)
);
create index table_round_store_idx on table_round (store_id, submitted_at);

-- What the kitchen cooks and the bill charges: each line priced by the menu when its round was sent.
create table round_item (
    id               uuid primary key,
    merchant_id      uuid        not null,
    store_id         uuid        not null,
    session_id       uuid        not null,
    round_id         uuid        not null references table_round (id),
    item_id          uuid        not null,
    name             text        not null,
    options          text[]      not null default '{}',
    note             text,
    unit_price_minor bigint      not null check (unit_price_minor >= 0),
    quantity         int         not null check (quantity between 1 and 99),
    amount_minor     bigint      not null check (amount_minor >= 0),
    currency         text        not null,
    added_by         text        not null,
    customer_id      uuid,
    -- NEW → COOKING → SERVED; VOIDED (staff took it off before it was served: not charged)
    state            text        not null check (state in ('NEW', 'COOKING', 'SERVED', 'VOIDED')),
    state_at         timestamptz not null
);
create index round_item_round_idx on round_item (round_id);
create index round_item_session_idx on round_item (session_id);
-- the kitchen display: what is still to cook or serve in a store
create index round_item_open_idx on round_item (store_id, state) where state in ('NEW', 'COOKING');
