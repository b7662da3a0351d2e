-- Runs per day and how they ended, for the last 14 days that had runs (days in the session's time zone: timeZone, by default the JVM's).
SELECT CAST(scheduled_start_time AS DATE)                          AS run_day,
       COUNT(*)                                                    AS runs,
       SUM(CASE WHEN state = 'COMPLETED' THEN 1 ELSE 0 END)        AS completed,
       SUM(CASE WHEN state = 'FAILED' THEN 1 ELSE 0 END)           AS failed,
       SUM(CASE WHEN state = 'MISSED' THEN 1 ELSE 0 END)           AS missed
FROM replication_runs
GROUP BY CAST(scheduled_start_time AS DATE)
ORDER BY run_day DESC
LIMIT 14;
