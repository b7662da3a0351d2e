-- Jobs that need attention (FAILED, PAUSED_ON_FAILURE, FAILING) with the job's status message and the
-- error of its most recent failed run.
SELECT j.vm_name,
       j.state,
       j.status_message            AS job_status,
       r.scheduled_start_time      AS last_failure_at,
       r.status_message            AS last_run_error,
       j.replication_job_id
FROM replication_jobs j
LEFT JOIN (
    -- the latest failed run of each job
    SELECT replication_job_id, scheduled_start_time, status_message,
           ROW_NUMBER() OVER (PARTITION BY replication_job_id ORDER BY scheduled_start_time DESC) AS n
    FROM replication_runs
    WHERE state = 'FAILED'
) r ON r.replication_job_id = j.replication_job_id AND r.n = 1
WHERE j.state IN ('FAILED', 'PAUSED_ON_FAILURE', 'FAILING')
ORDER BY j.state, j.vm_name;
