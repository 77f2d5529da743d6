-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
alter table pickup_order drop constraint pickup_order_pkey, add constraint pickup_order_pkey primary key (order_id, merchant_id);
