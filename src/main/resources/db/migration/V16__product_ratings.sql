-- A unit rates a product once per order, after its items are authorised for use; the product card shows the
-- average and the count, the supplier sees the ratings without the unit.
create table product_rating (
    id         bigserial     primary key,
    order_id   bigint        not null references purchase_order (id),
    product_id bigint        not null references product (id),
    unit_id    bigint        not null references military_unit (id),
    score      smallint      not null check (score between 1 and 5),
    comment    varchar(1000),
    rated_by   varchar(64)   not null,
    rated_at   timestamptz   not null,
    constraint product_rating_once unique (order_id, product_id)
);

alter table product add column rating_count integer not null default 0;
alter table product add column rating_sum integer not null default 0;
