-- Delivery orders: a store's dishes brought to the customer's door, with the delivery fee as a line of its own.
alter table customer_order drop constraint customer_order_channel_check;
alter table customer_order add constraint customer_order_channel_check
    check (channel in ('DEAL', 'DINE_IN', 'PICKUP', 'RESERVATION', 'POS', 'TOP_UP', 'DELIVERY'));
