-- The DPA finance system's answers to a payment-ready certificate: its acknowledgement, then its payment.
alter table acceptance_certificate add column acknowledged_at timestamptz;
alter table acceptance_certificate add column payment_reference varchar(64) unique;
alter table acceptance_certificate add column paid_amount numeric(15, 2);
alter table acceptance_certificate add column paid_on date;
