-- Catalog servers that have no replication job yet, per VM manager: what is left to migrate.
SELECT s.vm_manager_name,
       s.vm_manager_type,
       COUNT(*) AS servers_without_job
FROM servers s
WHERE s.replication_job_id IS NULL
   OR s.replication_job_terminated
GROUP BY s.vm_manager_name, s.vm_manager_type
ORDER BY servers_without_job DESC;
