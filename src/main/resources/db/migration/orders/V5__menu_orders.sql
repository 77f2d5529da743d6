-- Orders priced from the menu (a table's bill, a pick-up order, a reservation's deposit) name the store they are for,
-- and one paid at a store's counter in cash or by card records how; its refunds are paid back there, not online.
alter table customer_order
    add column store_id       uuid,
    add column offline_method text check (offline_method in ('CASH', 'CARD'));
create index customer_order_store_idx on customer_order (store_id, created_at desc) where store_id is not null;
-- a table's bill may be settled at the counter by a walk-in who never signed in
do $$
declare
    old_check text;
begin
    select conname into strict old_check from pg_constraint
    where conrelid = 'customer_order'::regclass and contype = 'c'
      and pg_get_constraintdef(oid) like '%customer_id IS NOT NULL%';
    execute format('alter table customer_order drop constraint %I', old_check);
end
$$;
alter table customer_order add constraint customer_order_customer_check
    check (customer_id is not null or channel in ('POS', 'DINE_IN'));
