-- A decision feed is polled only while one of its department's tasks can still take a decision: the open tasks are
-- found by status and department together.
DROP INDEX department_task_status;
CREATE INDEX department_task_status ON department_task (status, department);
