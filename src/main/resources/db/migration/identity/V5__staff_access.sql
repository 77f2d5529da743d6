-- Bumped whenever an account's earlier tokens and console sessions must end (disabled, password reset): a token or
-- session carries the epoch it was issued under and is refused once the account's epoch has moved on.
alter table staff_account
    add column token_epoch int not null default 0;
