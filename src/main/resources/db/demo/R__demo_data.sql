-- Demo data: three units, three suppliers (one per transport) and a budget per unit; the showcase's drones come
-- through the catalogue (DemoCatalogue, demo/catalogue.json), offered and approved like any supplier's.
-- Idempotent: rows that already exist are left as they are, so budgets survive a restart.

insert into military_unit (code, designation) values
    ('A1001', 'Military unit A1001'),
    ('A2002', 'Military unit A2002'),
    ('A3003', 'Military unit A3003')
on conflict (code) do nothing;

-- the suppliers' rows are their connector files' (connectors/<code>.camel.yaml), brought up to date at every start;
-- here only so that the demo's units and suppliers exist from the first migration on
insert into supplier (code, name, registration_code, connector_ref) values
    ('skyforge', 'Skyforge Dynamics LLC', '41234567', 'connectors/skyforge.camel.yaml'),
    ('viriy',    'Viriy Aero LLC',        '42345678', 'connectors/viriy.camel.yaml'),
    ('steppe',   'Steppe Robotics LLC',   '43456789', 'connectors/steppe.camel.yaml')
on conflict (code) do nothing;

insert into budget_entry (unit_id, kind, amount, reference, decision_number, decision_date, legal_basis, recorded_by)
select u.id, 'ALLOCATED', b.amount, 'DEMO-ALLOCATION-' || u.code, 'DEMO-2026/' || u.code, date '2026-01-15',
       'Demo: the DPA''s annual allocation to the unit''s drone programme', 'dpa.admin'
from (values ('A1001', 25000000.00), ('A2002', 18000000.00), ('A3003', 12000000.00)) as b(unit_code, amount)
join military_unit u on u.code = b.unit_code
on conflict (reference) do nothing;
