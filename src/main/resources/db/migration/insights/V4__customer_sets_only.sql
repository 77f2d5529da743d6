-- The customer sets (filled from insights_customer_day by V3) replace the row per customer and day.
drop table insights_customer_day;
alter table insights_customer_merchant alter column ordinal set not null;
create unique index insights_customer_merchant_ordinal_idx on insights_customer_merchant (merchant_id, ordinal);
