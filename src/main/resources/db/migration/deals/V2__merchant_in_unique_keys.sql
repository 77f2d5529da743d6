-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
-- What a customer bought of a deal carries the deal's merchant, as co-located tables' foreign keys must.
alter table deal_purchase add column merchant_id uuid;
update deal_purchase p set merchant_id = d.merchant_id from deal d where d.id = p.deal_id;
alter table deal_purchase alter column merchant_id set not null;

alter table deal_purchase drop constraint deal_purchase_deal_id_fkey;
alter table deal drop constraint deal_pkey, add constraint deal_pkey primary key (id, merchant_id);
alter table deal_purchase drop constraint deal_purchase_pkey,
    add constraint deal_purchase_pkey primary key (deal_id, customer_id, merchant_id);
alter table deal_purchase add constraint deal_purchase_deal_id_fkey
    foreign key (deal_id, merchant_id) references deal (id, merchant_id);
