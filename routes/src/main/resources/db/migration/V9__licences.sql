-- The e-licence base (电子证照库): each licence as its issuer signed it (the document's JSON and the detached CMS
-- signature over its RFC 8785 form), with what the bus keeps beside it to find and judge it. A licence this bus's
-- departments issued names the submission whose approval issued it, once per submission and type; one imported
-- from another region names that region. The holder is a keyed hash, as everywhere.
CREATE TABLE licence (
    id                  VARCHAR(160)  NOT NULL PRIMARY KEY,
    licence_type        VARCHAR(64)   NOT NULL,
    type_code           VARCHAR(21)   NOT NULL,
    holder_hash         VARCHAR(64)   NOT NULL,
    issuer_credit_code  VARCHAR(18)   NOT NULL,
    region              VARCHAR(64)   NOT NULL,
    issued_by           VARCHAR(64),
    issued_on           DATE          NOT NULL,
    valid_until         DATE,
    document_json       VARCHAR       NOT NULL,
    signature           BYTEA         NOT NULL,
    submission_id       VARCHAR(36),
    status              VARCHAR(16)   NOT NULL,
    revoked_at          TIMESTAMP WITH TIME ZONE,
    revocation_reason   VARCHAR(500),
    stored_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT licence_once_per_submission UNIQUE (submission_id, licence_type)
);
CREATE INDEX licence_holder ON licence (holder_hash, type_code);

-- How each material of a submission was satisfied now names the licence it reused, and where a reused licence or
-- material came from; those rows are the reuse ledger.
ALTER TABLE submission_material ADD COLUMN licence_id VARCHAR(160);
ALTER TABLE submission_material ADD COLUMN origin VARCHAR(64);
CREATE VIEW reuse_ledger AS
    SELECT m.submission_id, s.applicant_hash AS holder_hash, m.code AS material, m.satisfied_by,
           COALESCE(m.licence_id, m.material_id) AS reused, m.origin, s.accepted_at AS reused_at
    FROM submission_material m JOIN submission s ON s.id = m.submission_id
    WHERE m.satisfied_by IN ('E_LICENCE', 'REUSE');
