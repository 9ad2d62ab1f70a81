-- A supplier offers a product, or a new price or specification of one of its own, through its connector; the DPA
-- approves (the price within the framework agreement) or rejects it with a reason. RECORDED offers are the DPA's
-- own record of an offer made outside the connectors: they get no answer message.
create table catalog_offer (
    id             bigserial      primary key,
    supplier_id    bigint         not null references supplier (id),
    offer_number   varchar(200)   not null,
    origin         varchar(16)    not null check (origin in ('CONNECTOR', 'RECORDED')),
    product_code   varchar(32)    not null,
    name           varchar(200),
    product_type   varchar(32),
    description    varchar(2000),
    unit_price     numeric(15, 2) not null check (unit_price > 0),
    lead_time_days integer        check (lead_time_days between 0 and 365),
    specifications jsonb,
    status         varchar(16)    not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'SUPERSEDED')),
    received_at    timestamptz    not null,
    decided_by     varchar(64),
    decided_at     timestamptz,
    reason         varchar(1000),
    constraint catalog_offer_once unique (supplier_id, offer_number)
);
create index catalog_offer_status_idx on catalog_offer (status, received_at);
create index catalog_offer_product_idx on catalog_offer (supplier_id, product_code, status);

-- Every price a product has had: an order line keeps the price it was placed at, a cart line the one it was put in
-- the cart at, so that a cart whose product changed price asks to confirm the new one.
alter table product add column price_version integer not null default 1;
create table product_price (
    product_id   bigint         not null references product (id),
    version      integer        not null,
    unit_price   numeric(15, 2) not null check (unit_price > 0),
    effective_at timestamptz    not null,
    offer_id     bigint         references catalog_offer (id),
    primary key (product_id, version)
);
insert into product_price (product_id, version, unit_price, effective_at)
select id, 1, unit_price, now() from product;

alter table cart_line add column unit_price_seen numeric(15, 2);
update cart_line l set unit_price_seen = p.unit_price from product p where p.id = l.product_id;
alter table cart_line alter column unit_price_seen set not null;

-- an answer to an offer is correlated by the offer's number, which may be longer than an order number
alter table outbox_message alter column correlation_id type varchar(200);
