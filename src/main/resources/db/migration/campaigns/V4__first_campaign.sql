-- A member's profile asks which campaign first brought the customer: their attributions to a campaign, by customer.
create index attribution_customer_idx on attribution (customer_id, occurred_at) where campaign_id is not null;
