-- Alerts for operators and the parties concerned; one per kind and subject.
create table alert (
    id           bigserial primary key,
    kind         varchar(48)  not null,
    subject_type varchar(32)  not null,
    subject_id   varchar(64)  not null,
    unit_id      bigint references military_unit (id),
    supplier_id  bigint references supplier (id),
    message      varchar(500) not null,
    raised_at    timestamptz  not null default now(),
    constraint alert_once unique (kind, subject_type, subject_id)
);

alter table purchase_order add column overdue_since date;
