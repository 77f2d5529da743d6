-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
alter table pos_api_key drop constraint pos_api_key_pkey, add constraint pos_api_key_pkey primary key (id, merchant_id);
