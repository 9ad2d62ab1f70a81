-- Demo data: three units, three suppliers (one per transport), a showcase of drones and a budget per unit.
-- Idempotent: rows that already exist are left as they are, so stock and budgets survive a restart.

insert into military_unit (code, designation) values
    ('A1001', 'Military unit A1001'),
    ('A2002', 'Military unit A2002'),
    ('A3003', 'Military unit A3003')
on conflict (code) do nothing;

-- the suppliers' rows are their connector files' (connectors/<code>.camel.yaml), brought up to date at every start;
-- here only so that the showcase below has its suppliers on the first start
insert into supplier (code, name, registration_code, connector_ref) values
    ('skyforge', 'Skyforge Dynamics LLC', '41234567', 'connectors/skyforge.camel.yaml'),
    ('viriy',    'Viriy Aero LLC',        '42345678', 'connectors/viriy.camel.yaml'),
    ('steppe',   'Steppe Robotics LLC',   '43456789', 'connectors/steppe.camel.yaml')
on conflict (code) do nothing;

insert into product (code, supplier_id, name, product_type, description, unit_price, stock, lead_time_days, specifications)
select p.code, s.id, p.name, p.product_type, p.description, p.unit_price, p.stock, p.lead_time_days, p.specifications::jsonb
from (values
    ('SKF-FPV7', 'skyforge', 'Skyforge FPV-7 strike drone', 'FPV',
     '7-inch FPV strike quadcopter with analogue video and a frequency-hopping control link.',
     14500.00, 240, 14,
     '{"frequencyBands":["5.8 GHz video","900 MHz control"],"camera":"CMOS 1200TVL analogue","rangeKm":10,"flightTimeMin":12,"payloadKg":1.5,"weightKg":0.9}'),
    ('SKF-FPV10', 'skyforge', 'Skyforge FPV-10 heavy strike drone', 'FPV',
     '10-inch FPV quadcopter for heavier payloads, fibre-ready frame.',
     21800.00, 80, 21,
     '{"frequencyBands":["5.8 GHz video","868 MHz control"],"camera":"CMOS 1500TVL analogue","rangeKm":15,"flightTimeMin":15,"payloadKg":3.0,"weightKg":1.6}'),
    ('SKF-NIGHT7', 'skyforge', 'Skyforge FPV-7N night strike drone', 'FPV',
     'FPV strike quadcopter with a thermal camera for night operations.',
     32400.00, 0, 30,
     '{"frequencyBands":["5.8 GHz video","900 MHz control"],"camera":"Thermal 256x192","rangeKm":10,"flightTimeMin":11,"payloadKg":1.2,"weightKg":1.0}'),
    ('SKF-RELAY', 'skyforge', 'Skyforge R-1 signal relay drone', 'RELAY',
     'Hovering relay platform that extends the control and video link of strike drones.',
     58000.00, 25, 20,
     '{"frequencyBands":["900 MHz","2.4 GHz","5.8 GHz"],"camera":"none","rangeKm":25,"flightTimeMin":45,"payloadKg":0.8,"weightKg":3.2}'),
    ('VRY-SCOUT', 'viriy', 'Viriy Scout reconnaissance quadcopter', 'RECON',
     'Foldable reconnaissance quadcopter with a 30x zoom camera and encrypted digital video link.',
     96000.00, 40, 28,
     '{"frequencyBands":["2.4 GHz","5.8 GHz"],"camera":"4K with 30x hybrid zoom","rangeKm":12,"flightTimeMin":42,"payloadKg":0.0,"weightKg":1.1}'),
    ('VRY-THERMAL', 'viriy', 'Viriy Scout-T thermal reconnaissance quadcopter', 'RECON',
     'Reconnaissance quadcopter with a radiometric thermal camera and laser rangefinder.',
     184000.00, 0, 45,
     '{"frequencyBands":["2.4 GHz","5.8 GHz"],"camera":"Thermal 640x512 radiometric + 48 MP","rangeKm":15,"flightTimeMin":38,"payloadKg":0.0,"weightKg":1.4}'),
    ('VRY-WING', 'viriy', 'Viriy Sokil fixed-wing reconnaissance UAV', 'FIXED_WING',
     'Hand-launched fixed-wing UAV for long-range reconnaissance with a gimballed day/night camera.',
     1250000.00, 4, 60,
     '{"frequencyBands":["L-band","2.4 GHz"],"camera":"Gimballed EO/IR 30x","rangeKm":80,"flightTimeMin":240,"payloadKg":1.0,"weightKg":9.5}'),
    ('VRY-MAPPER', 'viriy', 'Viriy Mapper survey drone', 'RECON',
     'Survey quadcopter for orthophoto mapping with RTK positioning.',
     142000.00, 12, 30,
     '{"frequencyBands":["2.4 GHz","5.8 GHz"],"camera":"Mechanical shutter 20 MP","rangeKm":8,"flightTimeMin":40,"payloadKg":0.0,"weightKg":1.4}'),
    ('STP-BOMBER', 'steppe', 'Steppe Vampir-class heavy bomber hexacopter', 'BOMBER',
     'Heavy hexacopter that drops munitions at night; thermal camera and spare battery included.',
     640000.00, 6, 45,
     '{"frequencyBands":["900 MHz control","5.8 GHz video"],"camera":"Thermal 640x512","rangeKm":10,"flightTimeMin":40,"payloadKg":15.0,"weightKg":35.0}'),
    ('STP-DROP', 'steppe', 'Steppe Drop-3 light bomber quadcopter', 'BOMBER',
     'Light quadcopter with a three-point release mechanism.',
     88000.00, 30, 21,
     '{"frequencyBands":["2.4 GHz control","5.8 GHz video"],"camera":"Day 1080p + thermal 256x192","rangeKm":7,"flightTimeMin":30,"payloadKg":2.5,"weightKg":4.1}'),
    ('STP-INTERCEPT', 'steppe', 'Steppe Strila interceptor drone', 'INTERCEPTOR',
     'High-speed interceptor against reconnaissance UAVs, top speed above 250 km/h.',
     76000.00, 0, 35,
     '{"frequencyBands":["5.8 GHz video","2.4 GHz control"],"camera":"Digital 1080p low latency","rangeKm":12,"flightTimeMin":8,"payloadKg":0.5,"weightKg":1.3}'),
    ('STP-FIBRE', 'steppe', 'Steppe Nytka fibre-optic FPV drone', 'FPV',
     'FPV strike quadcopter controlled over a 10 km optical fibre, immune to radio jamming.',
     41000.00, 60, 25,
     '{"frequencyBands":["none (optical fibre)"],"camera":"Digital 1080p","rangeKm":10,"flightTimeMin":14,"payloadKg":2.0,"weightKg":2.2}'),
    ('STP-CARGO', 'steppe', 'Steppe Tyaga logistics drone', 'LOGISTICS',
     'Logistics octocopter that carries supplies to positions.',
     420000.00, 0, 50,
     '{"frequencyBands":["900 MHz control","5.8 GHz video"],"camera":"Day 1080p","rangeKm":12,"flightTimeMin":35,"payloadKg":20.0,"weightKg":28.0}')
) as p(code, supplier_code, name, product_type, description, unit_price, stock, lead_time_days, specifications)
join supplier s on s.code = p.supplier_code
on conflict (code) do nothing;

insert into budget_entry (unit_id, kind, amount, reference, decision_number, decision_date, legal_basis, recorded_by)
select u.id, 'ALLOCATED', b.amount, 'DEMO-ALLOCATION-' || u.code, 'DEMO-2026/' || u.code, date '2026-01-15',
       'Demo: the DPA''s annual allocation to the unit''s drone programme', 'dpa.admin'
from (values ('A1001', 25000000.00), ('A2002', 18000000.00), ('A3003', 12000000.00)) as b(unit_code, amount)
join military_unit u on u.code = b.unit_code
on conflict (reference) do nothing;
