-- What the statements of this connection cost in API calls, from the driver's own log (sms_meta.api_calls):
-- run it after other queries to see the calls each made, their time, and how many came from the cache.
SELECT statement_id,
       operation,
       region,
       COUNT(*)                                        AS calls,
       SUM(CASE WHEN cache_hit THEN 1 ELSE 0 END)      AS from_cache,
       SUM(duration_ms)                                AS total_ms
FROM sms_meta.api_calls
GROUP BY statement_id, operation, region
ORDER BY statement_id, operation;
