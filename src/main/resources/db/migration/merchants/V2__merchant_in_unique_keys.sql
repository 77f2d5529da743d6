-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
alter table store drop constraint store_pkey, add constraint store_pkey primary key (id, merchant_id);
