-- A unit may have several orderers: each fills a cart of their own, and all spend the one budget of their unit.
delete from cart_line;
delete from cart;
alter table cart drop constraint cart_unit_id_key;
alter table cart add column person_id bigint not null references person (id);
alter table cart add constraint cart_person_unique unique (person_id);
