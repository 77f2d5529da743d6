-- A message the carrier refused waits before its next attempt (1 s, 2 s, 4 s, ... at most 10 min).
alter table notification add column next_attempt_at timestamptz;
