-- Offline sales from a store's POS: a walk-in sale has no customer, and its refunds are paid back at the till
-- (offline), not through a payment provider.
alter table customer_order alter column customer_id drop not null;
alter table customer_order add check (customer_id is not null or channel = 'POS');
alter table order_refund add column offline boolean not null default false;
