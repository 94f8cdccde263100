-- Submissions (受理): accepted once, then processed by every responsible department in parallel. One transaction
-- writes the submission, its materials, one task per department and one outbox message per task; a relay moves
-- the outbox onto the departments' durable queues. The applicant is kept as a keyed hash, as everywhere.
CREATE TABLE submission (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    matter          VARCHAR(64)   NOT NULL,
    applicant_type  VARCHAR(16)   NOT NULL,
    applicant_hash  VARCHAR(64)   NOT NULL,
    consumer        VARCHAR(128)  NOT NULL,
    case_reference  VARCHAR(128),
    form_json       VARCHAR       NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    accepted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    promised_by     DATE          NOT NULL
);
CREATE INDEX submission_applicant ON submission (applicant_hash);

CREATE TABLE submission_material (
    submission_id   VARCHAR(36)   NOT NULL,
    code            VARCHAR(64)   NOT NULL,
    satisfied_by    VARCHAR(32)   NOT NULL,
    material_id     VARCHAR(36),
    department      VARCHAR(64),
    pending_until   DATE,
    PRIMARY KEY (submission_id, code)
);

CREATE TABLE department_task (
    submission_id   VARCHAR(36)   NOT NULL,
    department      VARCHAR(64)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    promised_by     DATE          NOT NULL,
    PRIMARY KEY (submission_id, department)
);

CREATE TABLE submission_outbox (
    submission_id   VARCHAR(36)   NOT NULL,
    department      VARCHAR(64)   NOT NULL,
    payload         VARCHAR       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (submission_id, department)
);

-- Idempotency-Key (IETF httpapi draft): per consumer, the request's digest, and once done the answer to replay.
CREATE TABLE idempotency_key (
    consumer        VARCHAR(128)  NOT NULL,
    idem_key        VARCHAR(255)  NOT NULL,
    request_hash    VARCHAR(64)   NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    response_status INT,
    response_body   VARCHAR,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (consumer, idem_key)
);
