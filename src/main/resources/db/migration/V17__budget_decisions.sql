-- The DPA allocates, tops up and reduces a unit's budget against a decision (number, date, legal basis).
-- REDUCED: available -> taken back by the DPA; it lowers what is allocated.
drop view unit_budget;

alter table budget_entry add column decision_number varchar(64);
alter table budget_entry add column decision_date date;
alter table budget_entry add column legal_basis varchar(500);
alter table budget_entry add column recorded_by varchar(64);
alter table budget_entry alter column reference type varchar(128);

update budget_entry
set decision_number = reference, decision_date = created_at::date,
    legal_basis = 'Allocated before decisions were recorded'
where kind = 'ALLOCATED';

alter table budget_entry drop constraint budget_entry_kind_check;
alter table budget_entry add constraint budget_entry_kind_check
    check (kind in ('ALLOCATED', 'REDUCED', 'RESERVED', 'RELEASED', 'COMMITTED', 'RETURNED', 'SPENT'));
alter table budget_entry add constraint budget_entry_decision_check
    check ((kind in ('ALLOCATED', 'REDUCED'))
               = (decision_number is not null and decision_date is not null and legal_basis is not null));
create index budget_entry_created_idx on budget_entry (created_at);

-- One formula for the balances: the entries made in [since, until) per unit; the view is all of time.
create function unit_budget_between(since timestamptz, until timestamptz)
    returns table (unit_id bigint, allocated numeric, reserved numeric, committed numeric, spent numeric,
                   available numeric)
    language sql stable as
$$
select u.id,
       coalesce(sum(e.amount) filter (where e.kind = 'ALLOCATED'), 0)
           - coalesce(sum(e.amount) filter (where e.kind = 'REDUCED'), 0),
       coalesce(sum(e.amount) filter (where e.kind = 'RESERVED'), 0)
           - coalesce(sum(e.amount) filter (where e.kind in ('RELEASED', 'COMMITTED')), 0),
       coalesce(sum(e.amount) filter (where e.kind = 'COMMITTED'), 0)
           - coalesce(sum(e.amount) filter (where e.kind in ('SPENT', 'RETURNED')), 0),
       coalesce(sum(e.amount) filter (where e.kind = 'SPENT'), 0),
       coalesce(sum(e.amount) filter (where e.kind in ('ALLOCATED', 'RELEASED', 'RETURNED')), 0)
           - coalesce(sum(e.amount) filter (where e.kind in ('RESERVED', 'REDUCED')), 0)
from military_unit u
         left join budget_entry e on e.unit_id = u.id and e.created_at >= since and e.created_at < until
group by u.id
$$;

create view unit_budget as
select * from unit_budget_between('-infinity', 'infinity');
