-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
-- A segment's members name the segment with its merchant, as co-located tables' foreign keys must.
alter table segment_member drop constraint segment_member_segment_id_fkey;

alter table profile_pending_fact drop constraint profile_pending_fact_pkey,
    add constraint profile_pending_fact_pkey primary key (id, merchant_id);
alter table segment drop constraint segment_pkey, add constraint segment_pkey primary key (id, merchant_id);
alter table segment_member drop constraint segment_member_pkey,
    add constraint segment_member_pkey primary key (segment_id, customer_id, merchant_id);

alter table segment_member add constraint segment_member_segment_id_fkey
    foreign key (segment_id, merchant_id) references segment (id, merchant_id) on delete cascade;
