-- One import of a merchant's existing members, with its outcome counted.
create table member_import (
    id         uuid primary key,
    merchant_id uuid       not null,
    staff_id   uuid        not null,
    file_name  text,
    created_at timestamptz not null,
    total_rows int         not null,
    imported   int         not null,
    merged     int         not null,
    unchanged  int         not null,
    rejected   int         not null
);
create index member_import_merchant_idx on member_import (merchant_id, id desc);

-- Rows an import refused, with the line of the file and why.
create table member_import_rejection (
    import_id   uuid not null references member_import (id),
    merchant_id uuid not null,
    line_no     int  not null,
    card_number text,
    reason      text not null,
    primary key (import_id, line_no)
);

-- The idempotency key of importing: a merchant's card is imported once. A second import of the same card (the same
-- file again, or at the same moment) finds this row and changes nothing.
create table member_import_card (
    merchant_id   uuid        not null,
    card_number   text        not null,
    phone         text        not null,
    import_id     uuid        not null,
    points        bigint      not null check (points >= 0),
    balance_minor bigint      not null check (balance_minor >= 0),
    imported_at   timestamptz not null,
    primary key (merchant_id, card_number)
);
