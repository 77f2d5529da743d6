-- Orders of several merchants paid at once (a mall's one cart across its tenants): the group is what the payment
-- names as its order, and its payee (the mall's merchant) collects the money for every order of the group.
create table order_group (
    id                uuid primary key,
    customer_id       uuid        not null,
    payee_merchant_id uuid        not null,
    title             text        not null,
    total_minor       bigint      not null check (total_minor > 0),
    currency          text        not null,
    created_at        timestamptz not null
);
create index order_group_customer_idx on order_group (customer_id, created_at desc);

alter table customer_order add column group_id uuid references order_group (id);
create index customer_order_group_idx on customer_order (group_id) where group_id is not null;
