-- A destination the outbox relay cannot reach waits, with back-off, without holding back any other destination's
-- messages; its row says since when, why, and when it is tried again.
create table outbox_pause (
    destination  varchar(200)  primary key,
    since        timestamptz   not null,
    paused_until timestamptz   not null,
    failures     integer       not null,
    reason       varchar(1000) not null
);
