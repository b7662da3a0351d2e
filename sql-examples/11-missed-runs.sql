-- Missed runs (the scheduled start passed without a run, e.g. the connector was offline), per job, with
-- the latest reason given.
SELECT j.vm_name,
       COUNT(*)                        AS missed_runs,
       MAX(r.scheduled_start_time)     AS last_missed_at,
       MAX(r.status_message)           AS a_reason
FROM replication_runs r
JOIN replication_jobs j ON j.replication_job_id = r.replication_job_id
WHERE r.state = 'MISSED'
GROUP BY j.vm_name
ORDER BY missed_runs DESC, j.vm_name;
