-- What a member bought by menu category (the catalog's category of a dish, or of the item a POS line names), for the
-- profile's top categories and a rule's "bought in category …".
create table profile_category (
    merchant_id uuid   not null,
    customer_id uuid   not null,
    category    text   not null,
    quantity    bigint not null,
    amount      bigint not null,
    primary key (merchant_id, customer_id, category)
);
create index profile_category_name_idx on profile_category (merchant_id, category);
