create table ledger_account (
    id              uuid primary key,
    kind            text        not null,
    holder          text        not null,
    scope           text        not null,
    unit            text        not null,
    merchant_id     uuid,
    may_go_negative boolean     not null default false,
    -- a projection of the journal, kept in step by each posting; reconciliation recomputes it
    balance         bigint      not null default 0,
    created_at      timestamptz not null,
    unique (kind, holder, scope, unit),
    check (may_go_negative or balance >= 0)
);

create table ledger_entry (
    id          uuid primary key,
    -- what the entry is for, e.g. 'order:<id>:earn': the same thing is never posted twice
    reference   text        not null unique,
    description text        not null,
    merchant_id uuid,
    created_at  timestamptz not null
);

create table ledger_posting (
    entry_id    uuid        not null references ledger_entry (id),
    account_id  uuid        not null references ledger_account (id),
    amount      bigint      not null check (amount <> 0),
    merchant_id uuid,
    created_at  timestamptz not null,
    primary key (entry_id, account_id)
);
create index ledger_posting_account_idx on ledger_posting (account_id, created_at desc);

-- The journal is append-only: a mistake is corrected by a reversing entry, never by an edit.
create function ledger_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is append-only: % on % is not allowed', tg_op, tg_table_name;
end
$$;
create trigger ledger_entry_append_only before update or delete or truncate on ledger_entry
    for each statement execute function ledger_append_only();
create trigger ledger_posting_append_only before update or delete or truncate on ledger_posting
    for each statement execute function ledger_append_only();

-- Every entry balances, checked when its transaction commits.
create function ledger_entry_balanced() returns trigger language plpgsql as $$
begin
    if (select sum(amount) from ledger_posting where entry_id = new.entry_id) <> 0 then
        raise exception 'ledger entry % does not balance', new.entry_id;
    end if;
    return null;
end
$$;
create constraint trigger ledger_posting_balanced after insert on ledger_posting
    deferrable initially deferred for each row execute function ledger_entry_balanced();
