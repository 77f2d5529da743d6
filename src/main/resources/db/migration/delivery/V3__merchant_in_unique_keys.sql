-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
alter table delivery_event drop constraint delivery_event_pkey, add constraint delivery_event_pkey primary key (id, merchant_id);
alter table delivery_order drop constraint delivery_order_pkey,
    add constraint delivery_order_pkey primary key (order_id, merchant_id);
alter table delivery_zone drop constraint delivery_zone_pkey, add constraint delivery_zone_pkey primary key (id, merchant_id);
