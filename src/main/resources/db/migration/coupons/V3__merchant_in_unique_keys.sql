-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
-- A customer's claims of a template carry the template's merchant, and coupons name their template with it, as
-- co-located tables' foreign keys must.
alter table coupon_claim add column merchant_id uuid;
update coupon_claim c set merchant_id = t.merchant_id from coupon_template t where t.id = c.template_id;
alter table coupon_claim alter column merchant_id set not null;

alter table coupon_claim drop constraint coupon_claim_template_id_fkey;
alter table coupon drop constraint coupon_template_id_fkey;

alter table coupon_template drop constraint coupon_template_pkey,
    add constraint coupon_template_pkey primary key (id, merchant_id);
alter table coupon_claim drop constraint coupon_claim_pkey,
    add constraint coupon_claim_pkey primary key (template_id, customer_id, merchant_id);
alter table coupon drop constraint coupon_pkey, add constraint coupon_pkey primary key (id, merchant_id);

alter table coupon_claim add constraint coupon_claim_template_id_fkey
    foreign key (template_id, merchant_id) references coupon_template (id, merchant_id);
alter table coupon add constraint coupon_template_id_fkey
    foreign key (template_id, merchant_id) references coupon_template (id, merchant_id);
