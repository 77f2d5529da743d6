-- A mall coupon: issued and funded by the mall's merchant (merchant_id), usable at these tenant merchants (store_ids,
-- when not empty, narrows it to those stores). all_tenants: the malls module adds each tenant it lets in.
alter table coupon_template
    add column mall_id               uuid,
    add column mall_name             text,
    add column all_tenants           boolean not null default false,
    add column eligible_merchant_ids uuid[],
    add constraint coupon_template_mall_check
        check ((mall_id is null) = (eligible_merchant_ids is null) and (mall_id is null) = (mall_name is null)
               and (mall_id is not null or not all_tenants));
create index coupon_template_mall_idx on coupon_template (mall_id, id) where mall_id is not null;
create index coupon_template_eligible_idx on coupon_template using gin (eligible_merchant_ids)
    where mall_id is not null;

-- what the coupon took off the order it is held for, and at which merchant: set when reserved, cleared when
-- released; due_minor is the mall's part owed to that merchant once used, due_returned_minor what refunds gave back
alter table coupon
    add column order_merchant_id  uuid,
    add column discount_minor     bigint check (discount_minor >= 0),
    add column due_minor          bigint not null default 0 check (due_minor >= 0),
    add column due_returned_minor bigint not null default 0 check (due_returned_minor between 0 and due_minor);
create index coupon_used_idx on coupon (template_id) where status = 'USED';
