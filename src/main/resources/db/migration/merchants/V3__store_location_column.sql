-- Nearby search reads each store's point on the earth from its row instead of computing ll_to_earth(lat, lng) again
-- for every test of every candidate (the box, the exact distance, the ordering): a stored generated column, and the
-- GiST index moves onto it.
alter table store add column location earth generated always as (ll_to_earth(lat, lng)) stored;
create index store_location_point_idx on store using gist (location) where listed;
drop index store_location_idx;
