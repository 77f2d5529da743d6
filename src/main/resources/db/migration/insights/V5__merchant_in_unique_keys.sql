-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
alter table insights_pending_fact drop constraint insights_pending_fact_pkey,
    add constraint insights_pending_fact_pkey primary key (id, merchant_id);
