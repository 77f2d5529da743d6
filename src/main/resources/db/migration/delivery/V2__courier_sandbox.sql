-- The sandbox courier fleet's own jobs (demo, dev and test runs only): what it was asked to carry, where each job
-- stands in the fleet, and when its next step is due. Kept in the database so a restart carries on where it stopped.
create table delivery_sandbox_job (
    reference       text primary key,
    -- the platform's order id: the fleet's idempotency key (asked twice, one job)
    order_id        uuid        not null unique,
    step            text        not null check (step in ('REQUESTED', 'ASSIGNED', 'PICKED_UP', 'EN_ROUTE',
                        'DELIVERED', 'CANCELLED')),
    from_lat        double precision not null,
    from_lng        double precision not null,
    to_lat          double precision not null,
    to_lng          double precision not null,
    price_minor     bigint      not null check (price_minor >= 0),
    currency        text        not null,
    rider_name      text        not null,
    rider_phone     text        not null,
    -- a job to the hold contact is priced and referenced but never carried: a tester reports its steps by hand
    held            boolean     not null default false,
    -- failed callbacks of the current step, for the back-off
    attempts        int         not null default 0,
    next_step_at    timestamptz not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index delivery_sandbox_job_due_idx on delivery_sandbox_job (next_step_at)
    where step not in ('DELIVERED', 'CANCELLED') and not held;
