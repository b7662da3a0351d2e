-- The newest AMI each job produced, from its runs, next to the job's own latest_ami_id: the AMI to
-- launch the migrated instance from. A mismatch means the newest AMI came from a run SMS no longer lists.
SELECT j.vm_name,
       r.ami_id                    AS newest_run_ami,
       r.completed_time            AS created_at,
       j.latest_ami_id             AS job_latest_ami,
       r.ami_id = j.latest_ami_id  AS same_ami
FROM replication_jobs j
JOIN (
    SELECT replication_job_id, ami_id, completed_time,
           ROW_NUMBER() OVER (PARTITION BY replication_job_id ORDER BY completed_time DESC) AS n
    FROM replication_runs
    WHERE ami_id IS NOT NULL AND state = 'COMPLETED'
) r ON r.replication_job_id = j.replication_job_id AND r.n = 1
ORDER BY j.vm_name;
