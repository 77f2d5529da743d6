-- Bonus on top-ups: paying at least pay_minor adds bonus_minor (the best matching rule applies).
create table top_up_rule (
    merchant_id uuid   not null,
    pay_minor   bigint not null check (pay_minor > 0),
    bonus_minor bigint not null check (bonus_minor >= 0),
    primary key (merchant_id, pay_minor)
);
