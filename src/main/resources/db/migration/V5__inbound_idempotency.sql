-- Inbound message ids, kept by Camel's JPA idempotent repository in the transaction of the message's effect.
-- The unique constraint makes a second effect of one message id impossible, whatever transport brought it.
drop table processed_message;

create sequence camel_messageprocessed_seq increment by 50;

create table camel_messageprocessed (
    id             bigint primary key,
    processor_name varchar(255) not null,
    message_id     varchar(255) not null,
    created_at     timestamp(6) not null,
    constraint camel_messageprocessed_once unique (processor_name, message_id)
);
