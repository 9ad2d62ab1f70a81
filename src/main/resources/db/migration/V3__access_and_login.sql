-- Access by letters and two-factor login.

alter table person add column activation_token_hash varchar(64) unique;
alter table person add column activation_expires_at timestamptz;
alter table person add column totp_confirmed boolean not null default false;
alter table person add column totp_last_step bigint not null default 0;
alter table person add column failed_logins integer not null default 0;
alter table person add column locked_until timestamptz;
alter table person add column access_withdrawn_at timestamptz;

-- The designation letter that named a person, so that the unit's access follows its letters.
alter table person add column designation_letter_id bigint references access_letter (id);

-- API tokens from the two-factor login; only their SHA-256 is kept.
create table api_token (
    token_hash varchar(64) primary key,
    person_id  bigint      not null references person (id),
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
);
create index api_token_person_idx on api_token (person_id);

-- A pre-order's required-by date and the supplier's answer; an order's signing document.
alter table purchase_order add column decline_reason varchar(500);
alter table purchase_order add column document_id bigint references document (id);
alter table purchase_order add column answer_due_by date;

-- Whose a document is: its unit's and its supplier's people see it, and the DPA's.
alter table document add column unit_id bigint references military_unit (id);
alter table document add column supplier_id bigint references supplier (id);
