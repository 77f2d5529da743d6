-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
alter table attribution drop constraint attribution_pkey, add constraint attribution_pkey primary key (id, merchant_id),
    drop constraint attribution_kind_fact_id_key,
    add constraint attribution_kind_fact_id_key unique (kind, fact_id, merchant_id);
alter table campaign drop constraint campaign_pkey, add constraint campaign_pkey primary key (id, merchant_id);
alter table campaign_coupon drop constraint campaign_coupon_pkey,
    add constraint campaign_coupon_pkey primary key (template_id, merchant_id);
alter table campaign_pending_fact drop constraint campaign_pending_fact_pkey,
    add constraint campaign_pending_fact_pkey primary key (id, merchant_id);
alter table campaign_scan drop constraint campaign_scan_pkey, add constraint campaign_scan_pkey primary key (id, merchant_id);
alter table tracking_code drop constraint tracking_code_pkey, add constraint tracking_code_pkey primary key (id, merchant_id);
