-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
-- The foreign keys between a merchant's tables name merchant_id too, as co-located tables' keys must.
alter table round_item drop constraint round_item_round_id_fkey;
alter table bill_share drop constraint bill_share_bill_id_fkey;
alter table bill_item drop constraint bill_item_bill_id_fkey, drop constraint bill_item_share_id_fkey;

alter table table_round drop constraint table_round_pkey, add constraint table_round_pkey primary key (id, merchant_id),
    drop constraint table_round_session_id_number_key,
    add constraint table_round_session_id_number_key unique (session_id, number, merchant_id);
alter table round_item drop constraint round_item_pkey, add constraint round_item_pkey primary key (id, merchant_id);
alter table cart_line drop constraint cart_line_pkey, add constraint cart_line_pkey primary key (id, merchant_id),
    drop constraint cart_line_session_id_added_by_item_id_option_ids_key,
    add constraint cart_line_session_id_added_by_item_id_option_ids_key
        unique (session_id, added_by, item_id, option_ids, merchant_id);
alter table table_bill drop constraint table_bill_pkey, add constraint table_bill_pkey primary key (id, merchant_id);
drop index table_bill_live_idx;
create unique index table_bill_live_idx on table_bill (session_id, merchant_id) where status in ('OPEN', 'SETTLED');
alter table bill_share drop constraint bill_share_pkey, add constraint bill_share_pkey primary key (id, merchant_id);
drop index bill_share_claim_idx;
create unique index bill_share_claim_idx on bill_share (bill_id, claimed_by, merchant_id) where kind = 'ITEMS';
drop index bill_share_order_idx;
create unique index bill_share_order_idx on bill_share (order_id, merchant_id) where order_id is not null;
alter table bill_item drop constraint bill_item_pkey, add constraint bill_item_pkey primary key (bill_id, round_item_id, merchant_id);

alter table round_item add constraint round_item_round_id_fkey
    foreign key (round_id, merchant_id) references table_round (id, merchant_id);
alter table bill_share add constraint bill_share_bill_id_fkey
    foreign key (bill_id, merchant_id) references table_bill (id, merchant_id);
alter table bill_item add constraint bill_item_bill_id_fkey
    foreign key (bill_id, merchant_id) references table_bill (id, merchant_id);
alter table bill_item add constraint bill_item_share_id_fkey
    foreign key (share_id, merchant_id) references bill_share (id, merchant_id);
