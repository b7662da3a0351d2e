-- How the migration stands: replication jobs per state, with how many are encrypted or run once.
-- States: PENDING, ACTIVE, FAILED, DELETING, DELETED, COMPLETED, PAUSED_ON_FAILURE, FAILING.
SELECT state,
       COUNT(*)                                         AS jobs,
       SUM(CASE WHEN encrypted THEN 1 ELSE 0 END)       AS encrypted,
       SUM(CASE WHEN run_once THEN 1 ELSE 0 END)        AS run_once
FROM replication_jobs
GROUP BY state
ORDER BY jobs DESC, state;
