-- Jobs whose most recent run failed, whatever state the job itself is in (a job can still be ACTIVE or
-- FAILING while its last run failed): the runs to look at first.
SELECT j.vm_name,
       j.state                     AS job_state,
       r.scheduled_start_time      AS last_run_at,
       r.stage                     AS failed_in_stage,
       r.status_message            AS error,
       j.replication_job_id
FROM (
    SELECT replication_job_id, state, stage, status_message, scheduled_start_time,
           ROW_NUMBER() OVER (PARTITION BY replication_job_id ORDER BY scheduled_start_time DESC) AS n
    FROM replication_runs
) r
JOIN replication_jobs j ON j.replication_job_id = r.replication_job_id
WHERE r.n = 1
  AND r.state = 'FAILED'
ORDER BY r.scheduled_start_time DESC;
