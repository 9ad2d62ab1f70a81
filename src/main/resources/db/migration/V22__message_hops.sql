-- Each exchange a route made of a message about an order, a certificate or an offer (its correlation id), as Camel
-- saw it: the operator console's trace of an order. Kept for hub.operations.trace-retention.
create table message_hop (
    id             bigserial primary key,
    correlation_id varchar(64)  not null,
    route_id       varchar(100) not null,
    transport      varchar(16)  not null,
    source         varchar(300) not null,
    destination    varchar(300),
    message_type   varchar(64),
    message_id     varchar(100),
    started_at     timestamptz  not null,
    elapsed_ms     bigint       not null,
    outcome        varchar(16)  not null check (outcome in ('DONE', 'FAILED', 'DEAD_LETTERED')),
    reason         varchar(500),
    steps          varchar(2000) not null,
    body           text
);
create index message_hop_correlation_idx on message_hop (correlation_id, started_at);
create index message_hop_started_idx on message_hop (started_at);
