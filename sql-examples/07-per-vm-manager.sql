-- Jobs per VM manager (vCenter, SCVMM, Hyper-V): how far each source environment has got.
SELECT vm_manager_type,
       vm_manager_name,
       COUNT(*)                                                                      AS jobs,
       SUM(CASE WHEN state IN ('ACTIVE', 'COMPLETED') THEN 1 ELSE 0 END)             AS healthy,
       SUM(CASE WHEN state IN ('FAILED', 'FAILING', 'PAUSED_ON_FAILURE') THEN 1 ELSE 0 END) AS failing,
       SUM(CASE WHEN latest_ami_id IS NOT NULL THEN 1 ELSE 0 END)                    AS with_ami
FROM replication_jobs
GROUP BY vm_manager_type, vm_manager_name
ORDER BY vm_manager_type, vm_manager_name;
