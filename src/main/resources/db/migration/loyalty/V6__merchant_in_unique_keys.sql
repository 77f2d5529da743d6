-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
-- The foreign keys between a merchant's tables name merchant_id too, as co-located tables' keys must.
alter table member_import_rejection drop constraint member_import_rejection_import_id_fkey;
alter table points_mall_exchange drop constraint points_mall_exchange_item_id_fkey;

alter table member_activity_order drop constraint member_activity_order_pkey,
    add constraint member_activity_order_pkey primary key (order_id, merchant_id);
alter table member_activity_refund drop constraint member_activity_refund_pkey,
    add constraint member_activity_refund_pkey primary key (order_id, reference, merchant_id);
alter table member_import drop constraint member_import_pkey, add constraint member_import_pkey primary key (id, merchant_id);
alter table member_import_rejection drop constraint member_import_rejection_pkey,
    add constraint member_import_rejection_pkey primary key (import_id, line_no, merchant_id);
alter table points_mall_item drop constraint points_mall_item_pkey,
    add constraint points_mall_item_pkey primary key (id, merchant_id);

alter table member_import_rejection add constraint member_import_rejection_import_id_fkey
    foreign key (import_id, merchant_id) references member_import (id, merchant_id);
alter table points_mall_exchange add constraint points_mall_exchange_item_id_fkey
    foreign key (item_id, merchant_id) references points_mall_item (id, merchant_id);

-- A lot's uses carry the lot's merchant (where the points were earned), as co-located tables' foreign keys must.
alter table points_lot_use add column merchant_id uuid;
update points_lot_use u set merchant_id = l.merchant_id from points_lot l where l.id = u.lot_id;
alter table points_lot_use alter column merchant_id set not null;
alter table points_lot_use drop constraint points_lot_use_lot_id_fkey;
alter table points_lot drop constraint points_lot_pkey, add constraint points_lot_pkey primary key (id, merchant_id);
alter table points_lot_use drop constraint points_lot_use_pkey,
    add constraint points_lot_use_pkey primary key (reference, lot_id, merchant_id);
alter table points_lot_use add constraint points_lot_use_lot_id_fkey
    foreign key (lot_id, merchant_id) references points_lot (id, merchant_id);
