-- A merchant's menu: categories, items with option groups, and what each store does with an item.
create table menu_category (
    id          uuid primary key,
    merchant_id uuid        not null,
    name        text        not null check (length(name) between 1 and 40),
    sort_order  int         not null default 0,
    created_at  timestamptz not null,
    unique (merchant_id, name),
    unique (merchant_id, id)
);

create table menu_item (
    id          uuid primary key,
    merchant_id uuid        not null,
    category_id uuid        not null,
    name        text        not null check (length(name) between 1 and 60),
    description text        not null default '',
    photo_url   text check (photo_url ~* '^https?://'),
    price_minor bigint      not null check (price_minor >= 0),
    currency    text        not null,
    active      boolean     not null default true,
    sort_order  int         not null default 0,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    unique (merchant_id, name),
    unique (merchant_id, id),
    -- an item can only sit in a category of its own merchant
    foreign key (merchant_id, category_id) references menu_category (merchant_id, id)
);
create index menu_item_category_idx on menu_item (merchant_id, category_id, sort_order);

create table menu_option_group (
    id          uuid primary key,
    merchant_id uuid    not null,
    item_id     uuid    not null,
    name        text    not null check (length(name) between 1 and 30),
    required    boolean not null,
    min_choices int     not null check (min_choices >= 0),
    max_choices int     not null check (max_choices >= 1 and max_choices >= min_choices),
    sort_order  int     not null,
    unique (merchant_id, item_id, name),
    unique (merchant_id, id),
    foreign key (merchant_id, item_id) references menu_item (merchant_id, id) on delete cascade
);

create table menu_option (
    id                uuid primary key,
    merchant_id       uuid   not null,
    group_id          uuid   not null,
    name              text   not null check (length(name) between 1 and 30),
    -- may be negative (a smaller size); the item's save checks no choice takes the total below zero
    price_delta_minor bigint not null,
    sort_order        int    not null,
    unique (merchant_id, group_id, name),
    foreign key (merchant_id, group_id) references menu_option_group (merchant_id, id) on delete cascade
);

-- One row per store and item once the store changes anything; no row means base price, available, not sold out.
create table menu_store_item (
    merchant_id          uuid        not null,
    store_id             uuid        not null,
    item_id              uuid        not null,
    price_override_minor bigint check (price_override_minor >= 0),
    available            boolean     not null default true,
    sold_out             boolean     not null default false,
    updated_at           timestamptz not null,
    primary key (store_id, item_id),
    foreign key (merchant_id, item_id) references menu_item (merchant_id, id)
);
create index menu_store_item_merchant_idx on menu_store_item (merchant_id, store_id);
