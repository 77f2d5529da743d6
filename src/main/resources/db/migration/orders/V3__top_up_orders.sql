-- A member buying stored value online is an order of its own channel, paid through a gateway like any other.
alter table customer_order drop constraint customer_order_channel_check;
alter table customer_order add constraint customer_order_channel_check
    check (channel in ('DEAL', 'DINE_IN', 'PICKUP', 'RESERVATION', 'POS', 'TOP_UP'));
