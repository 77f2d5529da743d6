-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
alter table menu_category drop constraint menu_category_pkey, add constraint menu_category_pkey primary key (id, merchant_id);
alter table menu_item drop constraint menu_item_pkey, add constraint menu_item_pkey primary key (id, merchant_id);
alter table menu_option_group drop constraint menu_option_group_pkey,
    add constraint menu_option_group_pkey primary key (id, merchant_id);
alter table menu_option drop constraint menu_option_pkey, add constraint menu_option_pkey primary key (id, merchant_id);
alter table menu_store_item drop constraint menu_store_item_pkey,
    add constraint menu_store_item_pkey primary key (store_id, item_id, merchant_id);
