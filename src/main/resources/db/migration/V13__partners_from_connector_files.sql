-- Suppliers are registered from their connector files (connectors/<code>.camel.yaml) at every start; a supplier
-- whose file is gone is deactivated, never deleted.
alter table supplier add column active boolean not null default true;
update supplier set connector_ref = 'connectors/' || code || '.camel.yaml' where connector_ref not like 'connectors/%';

-- The DPA finance system is a partner like the suppliers: its messages' ids are kept as <partner>:<id> too.
update camel_messageprocessed set message_id = 'dpa-finance:' || substr(message_id, 9)
 where processor_name = 'supplier-inbound' and message_id like 'finance/%';
