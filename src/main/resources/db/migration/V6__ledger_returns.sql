-- RETURNED: committed -> available, when a supplier rejects an order that was already committed.
alter table budget_entry drop constraint budget_entry_kind_check;
alter table budget_entry add constraint budget_entry_kind_check
    check (kind in ('ALLOCATED', 'RESERVED', 'RELEASED', 'COMMITTED', 'RETURNED', 'SPENT'));

create or replace view unit_budget as
select u.id as unit_id,
       coalesce(sum(e.amount) filter (where e.kind = 'ALLOCATED'), 0) as allocated,
       coalesce(sum(e.amount) filter (where e.kind = 'RESERVED'), 0)
           - coalesce(sum(e.amount) filter (where e.kind in ('RELEASED', 'COMMITTED')), 0) as reserved,
       coalesce(sum(e.amount) filter (where e.kind = 'COMMITTED'), 0)
           - coalesce(sum(e.amount) filter (where e.kind in ('SPENT', 'RETURNED')), 0) as committed,
       coalesce(sum(e.amount) filter (where e.kind = 'SPENT'), 0) as spent,
       coalesce(sum(e.amount) filter (where e.kind in ('ALLOCATED', 'RELEASED', 'RETURNED')), 0)
           - coalesce(sum(e.amount) filter (where e.kind = 'RESERVED'), 0) as available
from military_unit u
         left join budget_entry e on e.unit_id = u.id
group by u.id;
