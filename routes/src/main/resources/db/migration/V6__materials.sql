-- Materials accepted from applicants (申请材料): the file itself, its SHA-256, and the detached CMS signature of the
-- window that accepted it, so that a later matter may reuse it after verifying that signature. The holder is kept
-- as the exchange log keeps subjects, a keyed hash: a material is found again only by its holder's identifier.
CREATE TABLE material (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    holder_type   VARCHAR(16)   NOT NULL,
    holder_hash   VARCHAR(64)   NOT NULL,
    type          VARCHAR(64)   NOT NULL,
    file_kind     VARCHAR(8)    NOT NULL,
    media_type    VARCHAR(64)   NOT NULL,
    size          BIGINT        NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    content       BYTEA         NOT NULL,
    signature     BYTEA         NOT NULL,
    signer        VARCHAR(64)   NOT NULL,
    accepted_by   VARCHAR(128)  NOT NULL,
    accepted_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX material_holder ON material (holder_hash, type);
