-- The outbox relay takes a row only when no earlier row to the same destination about the same subject (its
-- correlation id: an order, a certificate) is still unsent, so that hub instances relaying at once keep each
-- subject's messages to each partner in their order.
create index outbox_message_pending_by_subject_idx on outbox_message (destination, correlation_id, id)
    where sent_at is null;
