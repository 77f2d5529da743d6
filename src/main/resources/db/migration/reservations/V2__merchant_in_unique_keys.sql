-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
-- A table type names its store's settings with their merchant, as co-located tables' foreign keys must.
alter table reservation_table_type drop constraint reservation_table_type_store_id_fkey;

alter table reservation drop constraint reservation_pkey, add constraint reservation_pkey primary key (id, merchant_id),
    drop constraint reservation_order_id_key, add constraint reservation_order_id_key unique (order_id, merchant_id);
alter table reservation_settings drop constraint reservation_settings_pkey,
    add constraint reservation_settings_pkey primary key (store_id, merchant_id);
alter table reservation_slot drop constraint reservation_slot_pkey,
    add constraint reservation_slot_pkey primary key (store_id, slot_date, slot_time, table_type, merchant_id);
alter table reservation_table_type drop constraint reservation_table_type_pkey,
    add constraint reservation_table_type_pkey primary key (store_id, name, merchant_id);

alter table reservation_table_type add constraint reservation_table_type_store_id_fkey
    foreign key (store_id, merchant_id) references reservation_settings (store_id, merchant_id);
