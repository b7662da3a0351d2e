-- How long replication runs take, per VM: from scheduled start to completion, completed runs only.
-- Slow or erratic runs point at bandwidth or disk problems on the source side.
SELECT j.vm_name,
       COUNT(*)                                                   AS completed_runs,
       MIN(TIMESTAMPDIFF(MINUTE, r.scheduled_start_time, r.completed_time)) AS min_minutes,
       ROUND(AVG(CAST(TIMESTAMPDIFF(MINUTE, r.scheduled_start_time, r.completed_time) AS DOUBLE)), 1)
                                                                  AS avg_minutes,
       MAX(TIMESTAMPDIFF(MINUTE, r.scheduled_start_time, r.completed_time)) AS max_minutes
FROM replication_runs r
JOIN replication_jobs j ON j.replication_job_id = r.replication_job_id
WHERE r.state = 'COMPLETED'
  AND r.completed_time IS NOT NULL
GROUP BY j.vm_name
ORDER BY avg_minutes DESC;
