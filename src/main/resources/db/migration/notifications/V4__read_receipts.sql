-- A customer reads their in-app messages: when each was read (null while unread).
alter table notification add column read_at timestamptz;
-- the customer's message list, newest first, paged by (created_at, id)
create index notification_in_app_idx on notification (recipient, created_at desc, id desc) where channel = 'IN_APP';
-- the unread count shown in the customer's navigation on every page: an index-only count
create index notification_in_app_unread_idx on notification (recipient) where channel = 'IN_APP' and read_at is null;
