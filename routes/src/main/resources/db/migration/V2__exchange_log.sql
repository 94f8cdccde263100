-- The exchange log: an append-only Merkle tree (RFC 9162) of every exchange the bus performed or refused.
-- entry_json is the RFC 8785 canonical text of the entry, exactly the bytes whose leaf hash is in the tree.
-- hashes is the leaf hash followed by the hashes of the complete subtrees this leaf completes (level 1 upwards),
-- so that proofs are served from stored nodes. The other columns are copies of entry fields, for search only:
-- the verifier trusts none of them. Texts are VARCHAR, not TEXT: H2 keeps TEXT as a CLOB, in a
-- separate LOB store, for every row.
CREATE TABLE audit_entry (
    idx             BIGINT       NOT NULL PRIMARY KEY,
    entry_json      VARCHAR      NOT NULL,
    hashes          BYTEA        NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    correlation_id  VARCHAR(64),
    consumer        VARCHAR(128),
    department      VARCHAR(64),
    operation       VARCHAR(160),
    subject_hash    VARCHAR(64),
    outcome         VARCHAR(16)  NOT NULL,
    purpose         VARCHAR(64)
);
CREATE INDEX audit_entry_subject ON audit_entry (subject_hash, idx);
CREATE INDEX audit_entry_recorded ON audit_entry (recorded_at);
CREATE INDEX audit_entry_correlation ON audit_entry (correlation_id);

-- The head of the tree, one row: appenders lock it (SELECT ... FOR UPDATE) so that several bus nodes grow one tree;
-- checkpointers advance checkpoint_size by compare-and-set so that no two nodes sign diverging checkpoints.
CREATE TABLE audit_head (
    id               INT          NOT NULL PRIMARY KEY,
    hash_algorithm   VARCHAR(16)  NOT NULL,
    tree_size        BIGINT       NOT NULL,
    -- the roots of the complete subtrees on the tree's right edge, largest first, concatenated
    peaks            BYTEA        NOT NULL,
    last_leaf        BYTEA,
    checkpoint_size  BIGINT       NOT NULL
);

-- Signed tree heads. timestamp_token (RFC 3161, over the signature) is present on at least one a minute.
CREATE TABLE audit_checkpoint (
    tree_size        BIGINT       NOT NULL PRIMARY KEY,
    root_hash        BYTEA        NOT NULL,
    signed_text      VARCHAR      NOT NULL,
    signature        BYTEA        NOT NULL,
    timestamp_token  BYTEA,
    signed_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
