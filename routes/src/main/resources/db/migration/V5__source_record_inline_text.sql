-- The shared base's records as VARCHAR, not TEXT: H2 keeps TEXT as a CLOB in its separate LOB store, so every warm
-- lookup read its three records through LOB lookups. PostgreSQL treats both types alike.
ALTER TABLE source_record ALTER COLUMN record_json SET DATA TYPE VARCHAR;
