-- Ready for sharding by merchant (docs/SCALING.md): a unique key of a merchant's table names merchant_id, last, so
-- that lookups by the leading columns keep using it.
alter table review drop constraint review_pkey, add constraint review_pkey primary key (id, merchant_id);
alter table store_rating drop constraint store_rating_pkey, add constraint store_rating_pkey primary key (store_id, merchant_id);
