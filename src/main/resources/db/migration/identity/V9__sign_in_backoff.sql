-- The staff sign-in back-off's failure counts (one client and one account; one client and all accounts), kept here
-- so that every node counts against the same failures. A row is changed under select … for update and deleted an
-- hour after its latest failure.
create table sign_in_backoff (
    key      text primary key,
    failures int not null check (failures >= 0),
    last_at  timestamptz not null
);
create index sign_in_backoff_last_at on sign_in_backoff (last_at);
