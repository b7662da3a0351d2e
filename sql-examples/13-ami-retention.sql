-- AMIs produced per job against the job's retention setting (number_of_recent_amis_to_keep, 0 = keep
-- all): how many AMIs SMS has deregistered or would keep, a hint for cleaning up EBS snapshots.
SELECT j.vm_name,
       j.number_of_recent_amis_to_keep                       AS keep,
       COUNT(r.ami_id)                                       AS amis_produced,
       CASE WHEN j.number_of_recent_amis_to_keep > 0
                 AND COUNT(r.ami_id) > j.number_of_recent_amis_to_keep
            THEN COUNT(r.ami_id) - j.number_of_recent_amis_to_keep
            ELSE 0 END                                       AS beyond_retention
FROM replication_jobs j
JOIN replication_runs r ON r.replication_job_id = j.replication_job_id
WHERE r.ami_id IS NOT NULL
GROUP BY j.vm_name, j.number_of_recent_amis_to_keep
ORDER BY amis_produced DESC, j.vm_name;
