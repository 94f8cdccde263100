-- Departments' work on submissions: delivered (with the department's receipt), decided once (outcome, reasons with
-- their legal basis, what an approval produced), or given up on after the configured attempts (dead letter).
ALTER TABLE department_task ADD COLUMN receipt VARCHAR(128);
ALTER TABLE department_task ADD COLUMN delivered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE department_task ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE department_task ADD COLUMN dead_lettered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE department_task ADD COLUMN reasons_json VARCHAR;
ALTER TABLE department_task ADD COLUMN results_json VARCHAR;
ALTER TABLE submission ADD COLUMN completed_at TIMESTAMP WITH TIME ZONE;
-- for the exchange-log entries of the submission's department calls: whose (masked, as the log shows subjects) and
-- the intake request's correlation id, which those calls share
ALTER TABLE submission ADD COLUMN applicant_masked VARCHAR(32);
ALTER TABLE submission ADD COLUMN correlation_id VARCHAR(64);

-- Where each department's decision feed was read up to, advanced in the transaction that applies a decision.
CREATE TABLE decision_position (
    department      VARCHAR(64)   NOT NULL PRIMARY KEY,
    position        BIGINT        NOT NULL
);
