-- Each replication job with its catalog server and the connector that reaches its VM manager:
-- which connector a failing job depends on, and whether that connector is healthy.
SELECT j.replication_job_id,
       j.state                 AS job_state,
       s.vm_name,
       s.replication_job_terminated,
       c.connector_id,
       c.status                AS connector_status,
       c.version               AS connector_version
FROM replication_jobs j
JOIN servers s          ON s.server_id = j.server_id
LEFT JOIN connectors c  ON c.vm_manager_id = j.vm_manager_id
ORDER BY j.state, s.vm_name;
