-- The outbox relay takes a row only when no earlier row about the same subject (its correlation id: an order, a
-- certificate) is still unsent, so that hub instances relaying at once keep each subject's messages in their order.
create index outbox_message_pending_by_subject_idx on outbox_message (correlation_id, id) where sent_at is null;
