-- The customers' birthdays as the segments need them, month and day only (month * 100 + day: 517 is 17 May), so a
-- rule on birthdays reads no other module's table. Null: the customer gave none. Kept from identity's BirthdaySet
-- event, and read once for a customer the projection meets without a row.
create table profile_birthday (
    customer_id uuid primary key,
    month_day   smallint check (month_day between 101 and 1231)
);
