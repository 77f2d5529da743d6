-- API keys of a merchant's POS, one store each. Only a SHA-256 of the random secret is kept: the key is shown once.
create table pos_api_key (
    id           uuid primary key,
    merchant_id  uuid        not null,
    store_id     uuid        not null,
    name         text        not null check (length(name) between 1 and 60),
    secret_hash  bytea       not null,
    created_by   uuid        not null,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index pos_api_key_merchant_idx on pos_api_key (merchant_id, store_id, created_at desc);
