-- The outbox relay holds a row back only behind an earlier unsent row to the same destination about the same
-- subject: a paused partner no longer holds up another partner's messages about the order. The index follows.
drop index outbox_message_pending_by_subject_idx;
create index outbox_message_pending_by_subject_idx on outbox_message (destination, correlation_id, id)
    where sent_at is null;
