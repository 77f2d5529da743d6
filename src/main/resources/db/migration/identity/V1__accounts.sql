create table customer (
    id         uuid primary key,
    phone      text        not null unique,
    created_at timestamptz not null
);

-- Staff of a merchant (merchant_id set) and platform operators (merchant_id null).
create table staff_account (
    id            uuid primary key,
    merchant_id   uuid,
    username      text        not null unique,
    password_hash text        not null,
    display_name  text        not null,
    role          text        not null check (role in ('OWNER', 'MANAGER', 'CASHIER', 'WAITER', 'KITCHEN', 'COURIER', 'OPERATOR')),
    store_ids     uuid[]      not null default '{}',
    enabled       boolean     not null default true,
    created_at    timestamptz not null,
    check ((role = 'OPERATOR') = (merchant_id is null))
);
create index staff_account_merchant_idx on staff_account (merchant_id);

create table otp_challenge (
    id          uuid primary key,
    phone       text        not null,
    code_hash   text        not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    attempts    int         not null default 0,
    consumed_at timestamptz
);
create index otp_challenge_phone_idx on otp_challenge (phone, created_at desc);
