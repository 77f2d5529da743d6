-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
alter table outreach_link drop constraint outreach_link_pkey, add constraint outreach_link_pkey primary key (token, merchant_id);
alter table outreach_pending_fact drop constraint outreach_pending_fact_pkey,
    add constraint outreach_pending_fact_pkey primary key (id, merchant_id);

-- A campaign's members carry the campaign's merchant, as co-located tables' foreign keys must.
alter table outreach_member add column merchant_id uuid;
update outreach_member m set merchant_id = o.merchant_id from outreach o where o.campaign_id = m.campaign_id;
alter table outreach_member alter column merchant_id set not null;
alter table outreach_member drop constraint outreach_member_campaign_id_fkey;
alter table outreach drop constraint outreach_pkey, add constraint outreach_pkey primary key (campaign_id, merchant_id);
alter table outreach_member drop constraint outreach_member_pkey,
    add constraint outreach_member_pkey primary key (campaign_id, customer_id, occurrence, merchant_id);
alter table outreach_member add constraint outreach_member_campaign_id_fkey
    foreign key (campaign_id, merchant_id) references outreach (campaign_id, merchant_id);
