-- ShedLock's locks: one row per scheduled job, so each job runs on one node at a time however many nodes share this
-- database. lock_until and locked_at are the database's own UTC time (the provider uses the database clock).
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
