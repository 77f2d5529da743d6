-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
-- A sign-up carries its event's merchant (the mall's), as co-located tables' foreign keys must.
alter table mall_event_sign_up add column merchant_id uuid;
update mall_event_sign_up s set merchant_id = e.merchant_id from mall_event e where e.id = s.event_id;
alter table mall_event_sign_up alter column merchant_id set not null;

alter table mall_event_sign_up drop constraint mall_event_sign_up_event_id_fkey;
alter table mall_event drop constraint mall_event_pkey, add constraint mall_event_pkey primary key (id, merchant_id);
alter table mall_event_sign_up drop constraint mall_event_sign_up_pkey,
    add constraint mall_event_sign_up_pkey primary key (id, merchant_id),
    drop constraint mall_event_sign_up_order_id_key,
    add constraint mall_event_sign_up_order_id_key unique (order_id, merchant_id);
drop index mall_event_sign_up_once;
create unique index mall_event_sign_up_once on mall_event_sign_up (event_id, customer_id, merchant_id)
    where status in ('PENDING_PAYMENT', 'CONFIRMED');
alter table mall_event_sign_up add constraint mall_event_sign_up_event_id_fkey
    foreign key (event_id, merchant_id) references mall_event (id, merchant_id);
