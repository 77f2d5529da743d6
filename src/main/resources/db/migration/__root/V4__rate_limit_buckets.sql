-- Token buckets of the rate limits (o2o.shared.Buckets, Bucket4j's PostgreSQL store), shared by every node: one row
-- per limit and key (a phone, a client address, a staff member), its state as Bucket4j writes it, and when the
-- bucket would be full again (epoch milliseconds), after which the row is dropped.
create table rate_limit_bucket (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires_at_idx on rate_limit_bucket (expires_at);
