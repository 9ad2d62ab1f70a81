-- The hub's own connections work as a member of hub_writer: every table's rows to read and write, but the audit
-- chain only to read and append. The trigger of V1 refuses changes to anyone, the owner included, but the owner may
-- disable it; the grant refuses them at the door, to a role that cannot. Migrations run as the owner
-- (spring.flyway.user); the application connects as a role granted hub_writer (see the README).
do $$
begin
    if not exists (select from pg_roles where rolname = 'hub_writer') then
        create role hub_writer nologin;
    end if;
end
$$;

grant usage on schema public to hub_writer;
grant select, insert, update, delete on all tables in schema public to hub_writer;
grant usage, select, update on all sequences in schema public to hub_writer;
revoke update, delete, truncate on audit_entry from hub_writer;
revoke all on flyway_schema_history from hub_writer;

-- tables and sequences of later migrations, created by the same owner, are the writer's to use as well
alter default privileges in schema public grant select, insert, update, delete on tables to hub_writer;
alter default privileges in schema public grant usage, select, update on sequences to hub_writer;
