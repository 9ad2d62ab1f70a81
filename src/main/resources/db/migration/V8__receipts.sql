-- A receipt: what arrived of a despatch, item by item, and the expenditure invoice for what was received.
alter table shipment_item add column refusal_reason varchar(500);
alter table expenditure_invoice add constraint expenditure_invoice_once_per_shipment unique (shipment_id);
alter table expenditure_invoice add constraint expenditure_invoice_status_check
    check (status in ('AWAITING_SIGNATURE', 'SIGNED', 'CERTIFIED'));
create sequence expenditure_invoice_number_seq;
