-- Points paid part of the order: how many, the money they were worth (taken off the total), and how many of them
-- went back with refunds so far.
alter table customer_order
    add column points_used     bigint not null default 0 check (points_used >= 0),
    add column points_minor    bigint not null default 0 check (points_minor >= 0),
    add column points_returned bigint not null default 0 check (points_returned between 0 and points_used),
    add constraint customer_order_points_check check ((points_used = 0) = (points_minor = 0));
-- the total was subtotal less discount; it is now also less the points' value (V1 left that check unnamed)
do $$
declare
    old_check text;
begin
    select conname into strict old_check from pg_constraint
    where conrelid = 'customer_order'::regclass and contype = 'c'
      and pg_get_constraintdef(oid) like '%total_minor = (subtotal_minor - discount_minor)%';
    execute format('alter table customer_order drop constraint %I', old_check);
end
$$;
alter table customer_order
    add constraint customer_order_total_check check (total_minor = subtotal_minor - discount_minor - points_minor);
