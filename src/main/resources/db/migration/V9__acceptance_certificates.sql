-- An acceptance certificate: prepared at a supplier's request over its signed expenditure invoices, signed by the
-- supplier, the unit's signatory and the DPA's; PAYMENT_READY once all three signatures verify.
alter table acceptance_certificate add column request_message_id varchar(100);
alter table acceptance_certificate add constraint acceptance_certificate_status_check
    check (status in ('AWAITING_SIGNATURES', 'PAYMENT_READY', 'PAID'));
create sequence acceptance_certificate_number_seq;
