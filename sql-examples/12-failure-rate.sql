-- Failure rate per job over all its runs, worst first: failed / (completed + failed), in percent.
SELECT j.vm_name,
       j.state,
       SUM(CASE WHEN r.state = 'COMPLETED' THEN 1 ELSE 0 END)   AS completed,
       SUM(CASE WHEN r.state = 'FAILED' THEN 1 ELSE 0 END)      AS failed,
       ROUND(100.0 * SUM(CASE WHEN r.state = 'FAILED' THEN 1 ELSE 0 END)
             / NULLIF(SUM(CASE WHEN r.state IN ('COMPLETED', 'FAILED') THEN 1 ELSE 0 END), 0), 1)
                                                                AS failure_percent
FROM replication_jobs j
JOIN replication_runs r ON r.replication_job_id = j.replication_job_id
GROUP BY j.vm_name, j.state
HAVING SUM(CASE WHEN r.state IN ('COMPLETED', 'FAILED') THEN 1 ELSE 0 END) > 0
ORDER BY failure_percent DESC, j.vm_name;
