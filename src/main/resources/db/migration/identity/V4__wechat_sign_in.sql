-- WeChat sign-in: the openid is bound only after the customer proved a phone, and with it the unionid (the same
-- person across the apps of one WeChat open-platform account) and, when they agreed to share it, their profile.
alter table customer
    add column wechat_unionid    text unique,
    add column wechat_nickname   text,
    add column wechat_avatar_url text,
    add constraint customer_wechat_unionid_check check (wechat_unionid is null or wechat_openid is not null);
