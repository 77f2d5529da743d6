-- A customer's birthday, optional and set by the customer; merchants see it on their members' profiles.
alter table customer add column birthday date;
