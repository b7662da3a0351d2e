-- The run history of one job. The key reaches the API: this calls GetReplicationRuns for this one job only
-- (compare EXPLAIN PLAN FOR, or --debug in bin/sms-sql).
SELECT replication_run_id,
       type,
       state,
       scheduled_start_time,
       completed_time,
       stage,
       stage_progress,
       ami_id,
       status_message
FROM replication_runs
WHERE replication_job_id = 'sms-job-b7881e8f6132c67a8'
ORDER BY scheduled_start_time DESC;
