-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
-- A refund of an order carries the order's merchant, and the order's rows name the order with its merchant, as
-- co-located tables' foreign keys must.
alter table order_refund add column merchant_id uuid;
update order_refund r set merchant_id = o.merchant_id from customer_order o where o.id = r.order_id;
alter table order_refund alter column merchant_id set not null;

alter table order_line drop constraint order_line_order_id_fkey;
alter table order_transition drop constraint order_transition_order_id_fkey;
alter table order_refund drop constraint order_refund_order_id_fkey;

alter table customer_order drop constraint customer_order_pkey, add constraint customer_order_pkey primary key (id, merchant_id);
alter table order_line drop constraint order_line_pkey, add constraint order_line_pkey primary key (order_id, line_no, merchant_id);
alter table order_refund drop constraint order_refund_pkey, add constraint order_refund_pkey primary key (reference, merchant_id);

alter table order_line add constraint order_line_order_id_fkey
    foreign key (order_id, merchant_id) references customer_order (id, merchant_id);
alter table order_transition add constraint order_transition_order_id_fkey
    foreign key (order_id, merchant_id) references customer_order (id, merchant_id);
alter table order_refund add constraint order_refund_order_id_fkey
    foreign key (order_id, merchant_id) references customer_order (id, merchant_id);
