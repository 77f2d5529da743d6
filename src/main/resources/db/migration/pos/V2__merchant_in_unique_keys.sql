-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
-- A refund names its sale with the sale's merchant, as co-located tables' foreign keys must.
alter table pos_refund drop constraint pos_refund_sale_id_fkey;

alter table pos_sale drop constraint pos_sale_pkey, add constraint pos_sale_pkey primary key (id, merchant_id),
    drop constraint pos_sale_order_id_key, add constraint pos_sale_order_id_key unique (order_id, merchant_id),
    drop constraint pos_sale_store_id_pos_transaction_id_key,
    add constraint pos_sale_store_id_pos_transaction_id_key unique (store_id, pos_transaction_id, merchant_id);
alter table pos_refund drop constraint pos_refund_pkey, add constraint pos_refund_pkey primary key (sale_id, refund_id, merchant_id);

alter table pos_refund add constraint pos_refund_sale_id_fkey
    foreign key (sale_id, merchant_id) references pos_sale (id, merchant_id);
