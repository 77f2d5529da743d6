-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
-- A redemption names its voucher with the voucher's merchant, as co-located tables' foreign keys must.
alter table redemption drop constraint redemption_voucher_id_fkey;

alter table voucher drop constraint voucher_pkey, add constraint voucher_pkey primary key (id, merchant_id),
    drop constraint voucher_order_id_unit_no_key, add constraint voucher_order_id_unit_no_key unique (order_id, unit_no, merchant_id);
alter table redemption drop constraint redemption_pkey, add constraint redemption_pkey primary key (id, merchant_id);

alter table redemption add constraint redemption_voucher_id_fkey
    foreign key (voucher_id, merchant_id) references voucher (id, merchant_id);
