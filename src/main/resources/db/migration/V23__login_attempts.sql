-- Failed logins no longer lock an account (anyone who knew a username could lock its owner out): they slow down that
-- username from that network address only, and each address has a rate of attempts (LoginAttempts).
alter table person drop column failed_logins;
alter table person drop column locked_until;

-- One row per network address (its attempts this minute) and per address and username (its failures in a row).
-- The key is a SHA-256 of them, a key of fixed length; a row untouched for a day is forgotten.
create table login_attempt (
    key_hash     char(64) primary key,
    window_start timestamptz not null,
    attempts     integer     not null,
    failures     integer     not null default 0,
    waits_until  timestamptz
);
create index login_attempt_window_idx on login_attempt (window_start);
