-- The DPA's framework agreement with a supplier: its number, dates, validity and, per product type it covers, the
-- highest unit price the DPA pays. A supplier without one valid today offers nothing and takes no new order.
create table framework_agreement (
    id               bigserial    primary key,
    supplier_id      bigint       not null references supplier (id),
    agreement_number varchar(40)  not null unique,
    signed_on        date         not null,
    valid_from       date         not null,
    valid_until      date         not null,
    recorded_by      varchar(64)  not null,
    recorded_at      timestamptz  not null,
    check (valid_until >= valid_from)
);
create index framework_agreement_supplier_idx on framework_agreement (supplier_id, valid_from, valid_until);

create table framework_agreement_item (
    agreement_id   bigint         not null references framework_agreement (id),
    product_type   varchar(32)    not null,
    max_unit_price numeric(15, 2) not null check (max_unit_price > 0),
    primary key (agreement_id, product_type)
);

-- A suspended supplier's products leave the showcase at once; its orders already formed go on to their end.
alter table supplier add column suspended_at timestamptz;
alter table supplier add column suspension_reason varchar(500);
