-- A mall: a building (one store of the mall's own merchant, which gives its address, place and hours), its floors,
-- and the stores of other merchants that rent units in it. The mall's merchant owns the group points program that
-- every tenant's merchant collects in.
create table mall (
    id                uuid primary key,
    owner_merchant_id uuid        not null unique,
    building_store_id uuid        not null unique,
    name              text        not null,
    program_id        uuid        not null,
    created_at        timestamptz not null
);

create table mall_floor (
    mall_id uuid    not null references mall (id),
    level   integer not null check (level between -5 and 200),
    name    text    not null,
    primary key (mall_id, level)
);

-- A store is a tenant of at most one mall (the unique key decides a race between two malls).
create table mall_tenant (
    store_id    uuid        primary key,
    mall_id     uuid        not null,
    merchant_id uuid        not null,
    floor_level integer     not null,
    unit        text        not null,
    category    text        not null,
    joined_at   timestamptz not null,
    foreign key (mall_id, floor_level) references mall_floor (mall_id, level)
);
create index mall_tenant_by_mall on mall_tenant (mall_id, floor_level, unit);
create index mall_tenant_by_merchant on mall_tenant (merchant_id);
