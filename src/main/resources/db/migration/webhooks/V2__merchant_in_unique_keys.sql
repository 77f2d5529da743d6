-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
-- A delivery names its endpoint with the endpoint's merchant, as co-located tables' foreign keys must.
alter table webhook_delivery drop constraint webhook_delivery_endpoint_id_fkey;

alter table webhook_endpoint drop constraint webhook_endpoint_pkey,
    add constraint webhook_endpoint_pkey primary key (id, merchant_id);
alter table webhook_delivery drop constraint webhook_delivery_endpoint_id_event_id_key,
    add constraint webhook_delivery_endpoint_id_event_id_key unique (endpoint_id, event_id, merchant_id);

alter table webhook_delivery add constraint webhook_delivery_endpoint_id_fkey
    foreign key (endpoint_id, merchant_id) references webhook_endpoint (id, merchant_id) on delete cascade;

-- An attempt carries its delivery's merchant, as co-located tables' foreign keys must.
alter table webhook_attempt add column merchant_id uuid;
update webhook_attempt a set merchant_id = d.merchant_id from webhook_delivery d where d.id = a.delivery_id;
alter table webhook_attempt alter column merchant_id set not null;
alter table webhook_attempt drop constraint webhook_attempt_delivery_id_fkey;
alter table webhook_delivery drop constraint webhook_delivery_pkey,
    add constraint webhook_delivery_pkey primary key (id, merchant_id);
alter table webhook_attempt drop constraint webhook_attempt_pkey,
    add constraint webhook_attempt_pkey primary key (delivery_id, attempt_no, merchant_id);
alter table webhook_attempt add constraint webhook_attempt_delivery_id_fkey
    foreign key (delivery_id, merchant_id) references webhook_delivery (id, merchant_id) on delete cascade;
