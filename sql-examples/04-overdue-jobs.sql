-- Jobs overdue for their next run: the next run should have started by now but has not.
-- (SMS is discontinued, so on an old account this lists every job that was still scheduled.)
SELECT vm_name,
       state,
       frequency                                                         AS every_hours,
       next_replication_run_start_time                                   AS next_run_due,
       TIMESTAMPDIFF(HOUR, next_replication_run_start_time, CURRENT_TIMESTAMP) AS hours_overdue,
       replication_job_id
FROM replication_jobs
WHERE next_replication_run_start_time < CURRENT_TIMESTAMP
  AND state NOT IN ('COMPLETED', 'DELETING', 'DELETED')
ORDER BY next_replication_run_start_time;
