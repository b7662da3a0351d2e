-- Encrypted jobs without a KMS key of their own: their AMIs are encrypted with the account's default
-- EBS key, which other accounts cannot be granted, so the AMIs cannot be shared as they are.
SELECT vm_name,
       state,
       latest_ami_id,
       replication_job_id
FROM replication_jobs
WHERE encrypted
  AND kms_key_id IS NULL
ORDER BY vm_name;
