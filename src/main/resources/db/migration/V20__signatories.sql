-- The DPA names its signatory on duty: the DPA's signer of every acceptance certificate prepared from then on, until
-- another is named. Each naming is kept.
create table dpa_signatory_duty (
    id        bigserial   primary key,
    person_id bigint      not null references person (id),
    named_by  varchar(64) not null,
    named_at  timestamptz not null
);

-- A step whose party may name another signer until it is signed (the DPA's on an acceptance certificate).
alter table signing_step add column assignable boolean not null default false;

-- An order whose missing or refused items will not come is closed short: the money of those items goes back.
alter table purchase_order add column closed_short_reason varchar(500);
