-- Sign-ups for a mall's paid events: an order for the mall's merchant with one TICKET line.
alter table customer_order drop constraint customer_order_channel_check;
alter table customer_order add constraint customer_order_channel_check
    check (channel in ('DEAL', 'DINE_IN', 'PICKUP', 'RESERVATION', 'POS', 'TOP_UP', 'DELIVERY', 'EVENT'));
