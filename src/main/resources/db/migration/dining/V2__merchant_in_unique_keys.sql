-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
-- The foreign keys between a merchant's tables name merchant_id too, as co-located tables' keys must.
alter table dining_table drop constraint dining_table_area_id_fkey;
alter table table_session drop constraint table_session_table_id_fkey;
alter table table_scan drop constraint table_scan_table_id_fkey, drop constraint table_scan_session_id_fkey;
alter table table_session_diner drop constraint table_session_diner_session_id_fkey;

alter table dining_area drop constraint dining_area_pkey, add constraint dining_area_pkey primary key (id, merchant_id);
alter table dining_table drop constraint dining_table_pkey, add constraint dining_table_pkey primary key (id, merchant_id);
alter table table_session drop constraint table_session_pkey, add constraint table_session_pkey primary key (id, merchant_id);
alter table table_scan drop constraint table_scan_pkey, add constraint table_scan_pkey primary key (id, merchant_id);
alter table table_session_diner drop constraint table_session_diner_pkey,
    add constraint table_session_diner_pkey primary key (session_id, customer_id, merchant_id);
drop index table_session_open_idx;
create unique index table_session_open_idx on table_session (table_id, merchant_id) where closed_at is null;

alter table dining_table add constraint dining_table_area_id_fkey
    foreign key (area_id, merchant_id) references dining_area (id, merchant_id);
alter table table_session add constraint table_session_table_id_fkey
    foreign key (table_id, merchant_id) references dining_table (id, merchant_id);
alter table table_scan add constraint table_scan_table_id_fkey
    foreign key (table_id, merchant_id) references dining_table (id, merchant_id);
alter table table_scan add constraint table_scan_session_id_fkey
    foreign key (session_id, merchant_id) references table_session (id, merchant_id);
alter table table_session_diner add constraint table_session_diner_session_id_fkey
    foreign key (session_id, merchant_id) references table_session (id, merchant_id);
