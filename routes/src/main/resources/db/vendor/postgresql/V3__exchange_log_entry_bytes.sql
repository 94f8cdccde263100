-- Byte strings where the log kept character strings (as on H2, which writes a VARCHAR one character at a time):
-- entry_json becomes the bytes that were hashed; subject_hash the 32 bytes of the keyed hash, not 64 hex digits.
-- The correlation index goes: no search uses it. The rewrite fires no row trigger.
DROP INDEX audit_entry_correlation;
ALTER TABLE audit_entry ALTER COLUMN entry_json TYPE BYTEA USING convert_to(entry_json, 'UTF8');
ALTER TABLE audit_entry ALTER COLUMN subject_hash TYPE BYTEA USING decode(subject_hash, 'hex');
