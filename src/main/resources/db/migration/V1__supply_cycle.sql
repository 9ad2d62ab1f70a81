-- The data model of the whole supply cycle.
-- Money is numeric(15,2) in UAH. Nothing here describes a unit's size, staffing or location,
-- and there is no delivery address anywhere: places are agreed between unit and manufacturer.

create table military_unit (
    id          bigserial primary key,
    code        varchar(32)  not null unique,
    designation varchar(200) not null,
    created_at  timestamptz  not null default now()
);

create table supplier (
    id                bigserial primary key,
    code              varchar(32)  not null unique,
    name              varchar(200) not null,
    registration_code varchar(32)  not null unique,
    connector_ref     varchar(100) not null,
    created_at        timestamptz  not null default now()
);

create table person (
    id            bigserial primary key,
    username      varchar(64)  not null unique,
    full_name     varchar(200) not null,
    unit_id       bigint references military_unit (id),
    supplier_id   bigint references supplier (id),
    password_hash varchar(200),
    totp_secret   varchar(200),
    active        boolean      not null default false,
    created_at    timestamptz  not null default now(),
    constraint person_belongs_to_one_party check (unit_id is null or supplier_id is null)
);

create table person_role (
    person_id bigint      not null references person (id),
    role      varchar(32) not null check (role in ('ORDERER', 'RECEIVER', 'UNIT_SIGNATORY', 'DPA_ADMIN',
                                                   'DPA_SIGNATORY', 'SUPPLIER', 'OPERATOR')),
    primary key (person_id, role)
);

create table access_letter (
    id            bigserial primary key,
    unit_id       bigint      not null references military_unit (id),
    kind          varchar(16) not null check (kind in ('REQUEST', 'DESIGNATION')),
    letter_number varchar(64) not null,
    letter_date   date        not null,
    recorded_at   timestamptz not null default now(),
    unique (unit_id, kind, letter_number)
);

create table training_record (
    id           bigserial primary key,
    person_id    bigint       not null references person (id),
    course       varchar(200) not null,
    completed_on date         not null,
    recorded_at  timestamptz  not null default now()
);

create table product (
    id             bigserial primary key,
    code           varchar(32)   not null unique,
    supplier_id    bigint        not null references supplier (id),
    name           varchar(200)  not null,
    product_type   varchar(32)   not null,
    description    text          not null,
    unit_price     numeric(15, 2) not null check (unit_price > 0),
    stock          integer       not null check (stock >= 0),
    lead_time_days integer       not null check (lead_time_days >= 0),
    specifications jsonb         not null default '{}'::jsonb
);
create index product_supplier_idx on product (supplier_id);

-- The budget is a ledger. Each entry moves money between the buckets of one unit:
--   ALLOCATED: new money, available;  RESERVED: available -> reserved;  RELEASED: reserved -> available;
--   COMMITTED: reserved -> committed; SPENT: committed -> spent.
-- Balances are derived (view unit_budget), never stored.
create table budget_entry (
    id         bigserial primary key,
    unit_id    bigint         not null references military_unit (id),
    kind       varchar(16)    not null check (kind in ('ALLOCATED', 'RESERVED', 'RELEASED', 'COMMITTED', 'SPENT')),
    amount     numeric(15, 2) not null check (amount > 0),
    order_id   bigint,
    reference  varchar(64)    not null unique,
    created_at timestamptz    not null default now()
);
create index budget_entry_unit_idx on budget_entry (unit_id);

create view unit_budget as
select u.id as unit_id,
       coalesce(sum(e.amount) filter (where e.kind = 'ALLOCATED'), 0) as allocated,
       coalesce(sum(e.amount) filter (where e.kind = 'RESERVED'), 0)
           - coalesce(sum(e.amount) filter (where e.kind in ('RELEASED', 'COMMITTED')), 0) as reserved,
       coalesce(sum(e.amount) filter (where e.kind = 'COMMITTED'), 0)
           - coalesce(sum(e.amount) filter (where e.kind = 'SPENT'), 0) as committed,
       coalesce(sum(e.amount) filter (where e.kind = 'SPENT'), 0) as spent,
       coalesce(sum(e.amount) filter (where e.kind in ('ALLOCATED', 'RELEASED')), 0)
           - coalesce(sum(e.amount) filter (where e.kind = 'RESERVED'), 0) as available
from military_unit u
         left join budget_entry e on e.unit_id = u.id
group by u.id;

create table cart (
    id         bigserial primary key,
    unit_id    bigint      not null unique references military_unit (id),
    updated_at timestamptz not null default now()
);

create table cart_line (
    id         bigserial primary key,
    cart_id    bigint  not null references cart (id) on delete cascade,
    product_id bigint  not null references product (id),
    quantity   integer not null check (quantity > 0),
    unique (cart_id, product_id)
);

create sequence order_number_seq;

create table purchase_order (
    id           bigserial primary key,
    order_number varchar(32)    not null unique,
    kind         varchar(16)    not null check (kind in ('ORDER', 'PRE_ORDER')),
    unit_id      bigint         not null references military_unit (id),
    supplier_id  bigint         not null references supplier (id),
    created_by   bigint references person (id),
    status       varchar(32)    not null,
    required_by  date,
    promised_by  date,
    ship_by      date,
    total        numeric(15, 2) not null check (total >= 0),
    created_at   timestamptz    not null default now(),
    version      bigint         not null default 0
);
create index purchase_order_unit_idx on purchase_order (unit_id);
create index purchase_order_supplier_idx on purchase_order (supplier_id);

create table order_line (
    id           bigserial primary key,
    order_id     bigint         not null references purchase_order (id),
    line_number  integer        not null,
    product_id   bigint         not null references product (id),
    product_code varchar(32)    not null,
    product_name varchar(200)   not null,
    quantity     integer        not null check (quantity > 0),
    unit_price   numeric(15, 2) not null,
    amount       numeric(15, 2) not null,
    unique (order_id, line_number)
);

create table order_status_change (
    id          bigserial primary key,
    order_id    bigint      not null references purchase_order (id),
    from_status varchar(32),
    to_status   varchar(32) not null,
    reason      varchar(500),
    changed_at  timestamptz not null default now()
);
create index order_status_change_order_idx on order_status_change (order_id);

create table shipment (
    id               bigserial primary key,
    order_id         bigint      not null references purchase_order (id),
    despatch_number  varchar(64) not null,
    despatched_at    timestamptz not null,
    expected_arrival date,
    received_at      timestamptz,
    unique (order_id, despatch_number)
);

create table shipment_item (
    id            bigserial primary key,
    shipment_id   bigint      not null references shipment (id),
    order_line_id bigint      not null references order_line (id),
    serial_number varchar(64) not null,
    status        varchar(16) not null check (status in ('DESPATCHED', 'RECEIVED', 'REFUSED', 'AUTHORISED')),
    unique (order_line_id, serial_number)
);

create table document (
    id         bigserial primary key,
    kind       varchar(32)  not null check (kind in ('ORDER', 'EXPENDITURE_INVOICE', 'ACCEPTANCE_CERTIFICATE')),
    number     varchar(64)  not null,
    content    bytea        not null,
    sha256     varchar(64)     not null,
    created_at timestamptz  not null default now(),
    unique (kind, number)
);

create table signature (
    id            bigserial primary key,
    document_id   bigint       not null references document (id),
    field_name    varchar(100) not null,
    party_role    varchar(32)  not null,
    signer_id     bigint references person (id),
    signer_name   varchar(200) not null,
    revision      integer      not null,
    signed_at     timestamptz  not null,
    unique (document_id, field_name)
);

create table expenditure_invoice (
    id             bigserial primary key,
    invoice_number varchar(32)    not null unique,
    order_id       bigint         not null references purchase_order (id),
    shipment_id    bigint         not null references shipment (id),
    status         varchar(32)    not null,
    total          numeric(15, 2) not null check (total >= 0),
    document_id    bigint references document (id),
    created_at     timestamptz    not null default now(),
    signed_at      timestamptz
);

create table expenditure_invoice_line (
    id            bigserial primary key,
    invoice_id    bigint         not null references expenditure_invoice (id),
    order_line_id bigint         not null references order_line (id),
    quantity      integer        not null check (quantity > 0),
    amount        numeric(15, 2) not null
);

create table acceptance_certificate (
    id                 bigserial primary key,
    certificate_number varchar(32)    not null unique,
    supplier_id        bigint         not null references supplier (id),
    unit_id            bigint         not null references military_unit (id),
    status             varchar(32)    not null,
    total              numeric(15, 2) not null check (total >= 0),
    document_id        bigint references document (id),
    created_at         timestamptz    not null default now()
);

create table acceptance_certificate_invoice (
    certificate_id bigint not null references acceptance_certificate (id),
    invoice_id     bigint not null unique references expenditure_invoice (id),
    primary key (certificate_id, invoice_id)
);

-- Written in the same transaction as the state change it announces; relayed to the broker by route outbox-relay.
create table outbox_message (
    id             bigserial primary key,
    message_id     uuid         not null unique,
    message_type   varchar(64)  not null,
    destination    varchar(200) not null,
    correlation_id varchar(64)  not null,
    payload        text         not null,
    created_at     timestamptz  not null default now(),
    sent_at        timestamptz
);
create index outbox_message_pending_idx on outbox_message (id) where sent_at is null;

-- Idempotent consumer: an inbound message id has one effect, whatever transport brought it.
create table processed_message (
    message_id  varchar(100) primary key,
    source      varchar(64)  not null,
    received_at timestamptz  not null default now()
);

-- Append-only, hash-chained: each entry's hash covers its content and the previous entry's hash.
create table audit_entry (
    id            bigserial primary key,
    recorded_at   timestamptz  not null,
    actor         varchar(100) not null,
    action        varchar(64)  not null,
    subject_type  varchar(64)  not null,
    subject_id    varchar(64)  not null,
    details       text         not null,
    previous_hash varchar(64)     not null,
    hash          varchar(64)     not null unique
);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;

create trigger audit_entry_no_update_or_delete
    before update or delete or truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();
