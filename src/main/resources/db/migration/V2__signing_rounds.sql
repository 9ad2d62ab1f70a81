-- A document's signing round: its required signers in order, whose turn it is, and pending external signatures.

create table signing_round (
    id           bigserial primary key,
    document_id  bigint      not null unique references document (id),
    status       varchar(16) not null check (status in ('IN_PROGRESS', 'COMPLETED')),
    current_step integer     not null,
    created_at   timestamptz not null default now(),
    completed_at timestamptz,
    version      bigint      not null default 0
);

create table signing_step (
    id              bigserial primary key,
    round_id        bigint       not null references signing_round (id),
    step_number     integer      not null,
    party_role      varchar(32)  not null,
    signer_identity varchar(100) not null,
    signer_name     varchar(200) not null,
    field_name      varchar(100) not null,
    signed_at       timestamptz,
    unique (round_id, step_number),
    unique (round_id, field_name)
);

-- External signing: the revision prepared with an empty signature, waiting for the signer's CMS.
create table signing_request (
    id                 uuid primary key,
    round_id           bigint      not null references signing_round (id),
    step_number        integer     not null,
    base_sha256        varchar(64) not null,
    prepared_pdf       bytea       not null,
    byte_range         varchar(64) not null,
    content_digest     bytea       not null,
    signer_certificate bytea       not null,
    created_at         timestamptz not null default now(),
    completed_at       timestamptz
);

alter table signature add column signer_identity varchar(100) not null default '';
alter table signature add column signer_certificate bytea;
alter table signature alter column signer_identity drop default;
alter table document add column version bigint not null default 0;
