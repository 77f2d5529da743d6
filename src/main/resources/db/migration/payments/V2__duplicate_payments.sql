-- A payment that succeeds at its provider after the order was already paid another way (the payer confirmed the
-- gateway's page after paying from stored value or at the counter) is kept as DUPLICATE and paid straight back.
alter table payment drop constraint payment_status_check;
alter table payment add constraint payment_status_check
    check (status in ('PENDING', 'SUCCEEDED', 'FAILED', 'DUPLICATE'));
