-- A cart across a mall's tenants, checked out: the orders' group (see orders' order_group), which mall it was in and
-- whose it is. The mall's guide shows it to its customer, and the mall's collections for its tenants are booked by it.
create table mall_cart_order (
    group_id    uuid primary key,
    mall_id     uuid        not null,
    customer_id uuid        not null,
    created_at  timestamptz not null
);
create index mall_cart_order_customer_idx on mall_cart_order (customer_id, created_at desc);
