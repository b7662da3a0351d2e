-- Each VM's migration timeline: seed replication, first and last run, and the days it has been
-- replicating; old long-running jobs are candidates for cut-over.
SELECT j.vm_name,
       j.state,
       j.seed_replication_time,
       MIN(r.scheduled_start_time)                                              AS first_run,
       MAX(r.completed_time)                                                    AS last_completed,
       TIMESTAMPDIFF(DAY, MIN(r.scheduled_start_time), MAX(r.scheduled_start_time)) AS days_replicating,
       COUNT(*)                                                                 AS runs
FROM replication_jobs j
JOIN replication_runs r ON r.replication_job_id = j.replication_job_id
GROUP BY j.vm_name, j.state, j.seed_replication_time
ORDER BY days_replicating DESC, j.vm_name;
