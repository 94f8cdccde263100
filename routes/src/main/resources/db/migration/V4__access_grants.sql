-- Grants of conditional fields (有条件共享): which consumer may receive which fields (names, or group:<group>),
-- for which purpose, on which legal basis, from when until when, approved by whom. A grant is never deleted:
-- revoking it ends its validity, so that the record of what was allowed when stays.
CREATE TABLE access_grant (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    consumer     VARCHAR(128)  NOT NULL,
    fields       VARCHAR(2000) NOT NULL,
    purpose      VARCHAR(64)   NOT NULL,
    legal_basis  VARCHAR(500)  NOT NULL,
    valid_from   TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until  TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_by  VARCHAR(128)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX access_grant_consumer ON access_grant (consumer);
