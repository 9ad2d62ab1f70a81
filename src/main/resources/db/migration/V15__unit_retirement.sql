-- A unit the DPA retires keeps its history; nobody of it can log in.
alter table military_unit add column retired_at timestamptz;
