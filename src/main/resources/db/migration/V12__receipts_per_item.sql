-- Items missing from a despatch may arrive later: a despatch may be received more than once, each receipt taking
-- only items still on their way, and each invoice names the items it covers.
alter table expenditure_invoice drop constraint expenditure_invoice_once_per_shipment;
alter table shipment_item add column invoice_id bigint references expenditure_invoice (id);
