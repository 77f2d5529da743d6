-- A customer may cancel their own sign-up before the event starts: WITHDRAWN, the seat given back (CANCELLED stays
-- the mall cancelling the whole event).
alter table mall_event_sign_up drop constraint mall_event_sign_up_status_check;
alter table mall_event_sign_up add constraint mall_event_sign_up_status_check
    check (status in ('PENDING_PAYMENT', 'CONFIRMED', 'EXPIRED', 'CANCELLED', 'WITHDRAWN'));
