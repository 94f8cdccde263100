-- Byte strings where the log kept character strings: H2 writes and reads a VARCHAR one character at a time whenever
-- it stores or loads a page, which was most of the writer's time and of a verification's.
-- entry_json becomes the bytes that were hashed; subject_hash the 32 bytes of the keyed hash, not 64 hex digits.
-- The correlation index goes: no search uses it, and every commit rewrote its pages at random places.
-- H2 cannot change a column's type in place with a conversion, so the two columns are rebuilt; its SQL has no hex
-- decoding (HEXTORAW reads four digits per character), so H2's own decoder does it.
CREATE ALIAS audit_hex_to_bytes FOR 'org.h2.util.StringUtils.convertHexToBytes';
DROP INDEX audit_entry_correlation;
DROP INDEX audit_entry_subject;
ALTER TABLE audit_entry ADD COLUMN entry_bytes BYTEA;
ALTER TABLE audit_entry ADD COLUMN subject_bytes BYTEA;
UPDATE audit_entry SET entry_bytes = STRINGTOUTF8(entry_json), subject_bytes = CASE WHEN subject_hash IS NULL THEN NULL
    ELSE audit_hex_to_bytes(subject_hash) END;
DROP ALIAS audit_hex_to_bytes;
ALTER TABLE audit_entry DROP COLUMN entry_json;
ALTER TABLE audit_entry DROP COLUMN subject_hash;
ALTER TABLE audit_entry ALTER COLUMN entry_bytes RENAME TO entry_json;
ALTER TABLE audit_entry ALTER COLUMN subject_bytes RENAME TO subject_hash;
ALTER TABLE audit_entry ALTER COLUMN entry_json SET NOT NULL;
CREATE INDEX audit_entry_subject ON audit_entry (subject_hash, idx);
