-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
-- A store has one merchant, so the store stays a tenant of one mall at most.
alter table mall_tenant drop constraint mall_tenant_pkey, add constraint mall_tenant_pkey primary key (store_id, merchant_id);
