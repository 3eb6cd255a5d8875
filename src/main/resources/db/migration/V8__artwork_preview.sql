-- The art's screen preview (PNG, content-addressed in the object store), made once when a placement's art is first
-- decoded, so that the review pages show the art without decoding it on every view. Null until then.
alter table artwork add column preview_sha256 varchar(64);
