-- What a query will ask the API, without calling it: SmsTableScan shows the operations it calls and the
-- keys that reach the API. Here: GetReplicationRuns for the two jobs only, never a listing of all jobs.
EXPLAIN PLAN FOR
SELECT r.replication_job_id, r.state, COUNT(*) AS runs
FROM replication_runs r
WHERE r.replication_job_id IN ('sms-job-7611f6048eb629c2e', 'sms-job-372f958300d2ecc07')
GROUP BY r.replication_job_id, r.state;
