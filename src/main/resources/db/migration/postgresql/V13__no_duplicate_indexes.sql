-- An index that repeats another, which every insert of a return updated as well:
-- return_record_submission is the first column of return_record_submission_version
-- (migration 12). (h2/V13 drops the findings' indexes that repeat those H2 made for their
-- foreign keys; PostgreSQL makes no index for a foreign key, so both stay here.)
DROP INDEX return_record_submission;
