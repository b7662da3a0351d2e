-- Runs that have not finished (PENDING or ACTIVE), with the stage they are in and its progress.
SELECT j.vm_name,
       r.state,
       r.type,
       r.scheduled_start_time,
       r.stage,
       r.stage_progress,
       r.replication_run_id
FROM replication_runs r
JOIN replication_jobs j ON j.replication_job_id = r.replication_job_id
WHERE r.state IN ('PENDING', 'ACTIVE')
ORDER BY r.scheduled_start_time;
