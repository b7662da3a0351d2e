-- Jobs and their health per AWS Region. Connect with regions=us-east-1,eu-west-1,... to query every Region
-- an organisation used in parallel (add partialResults=true to get the others when one Region fails);
-- WHERE region = '...' reads only that Region.
SELECT region,
       COUNT(*)                                                      AS jobs,
       SUM(CASE WHEN state = 'ACTIVE' THEN 1 ELSE 0 END)             AS active,
       SUM(CASE WHEN state IN ('FAILED', 'PAUSED_ON_FAILURE') THEN 1 ELSE 0 END) AS needs_attention
FROM replication_jobs
GROUP BY region
ORDER BY region;
