-- Subject searches and access reports find a subject's entries through the first 8 bytes of its keyed hash, a
-- BIGINT (big-endian, as on H2), instead of all 32; the whole hash is still compared on each row found. A stored
-- generated column: adding it rewrites the table without firing the append-only row triggers, and writers and
-- restores insert rows as before.
ALTER TABLE audit_entry ADD COLUMN subject_key BIGINT
    GENERATED ALWAYS AS (('x' || encode(substring(subject_hash FROM 1 FOR 8), 'hex'))::bit(64)::bigint) STORED;
DROP INDEX audit_entry_subject;
CREATE INDEX audit_entry_subject ON audit_entry (subject_key, idx);
