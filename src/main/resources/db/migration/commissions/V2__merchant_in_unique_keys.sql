-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
alter table commission_charge drop constraint commission_charge_pkey,
    add constraint commission_charge_pkey primary key (order_id, taker, merchant_id);
alter table commission_reversal drop constraint commission_reversal_pkey,
    add constraint commission_reversal_pkey primary key (order_id, taker, reference, merchant_id);
alter table commission_pending_fact drop constraint commission_pending_fact_pkey,
    add constraint commission_pending_fact_pkey primary key (id, merchant_id);
