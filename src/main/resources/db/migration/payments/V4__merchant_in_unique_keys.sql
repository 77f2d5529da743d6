-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
-- A refund names its payment with the payment's merchant, as co-located tables' foreign keys must.
alter table refund drop constraint refund_payment_id_fkey;

alter table payment drop constraint payment_pkey, add constraint payment_pkey primary key (id, merchant_id);
drop index payment_one_success_per_order;
create unique index payment_one_success_per_order on payment (order_id, merchant_id) where status = 'SUCCEEDED';
drop index payment_provider_out_trade_no;
create unique index payment_provider_out_trade_no on payment (provider, out_trade_no, merchant_id);

alter table refund drop constraint refund_pkey, add constraint refund_pkey primary key (id, merchant_id),
    drop constraint refund_reference_key, add constraint refund_reference_key unique (reference, merchant_id);
drop index refund_out_refund_no;
create unique index refund_out_refund_no on refund (out_refund_no, merchant_id);

alter table refund add constraint refund_payment_id_fkey
    foreign key (payment_id, merchant_id) references payment (id, merchant_id);
