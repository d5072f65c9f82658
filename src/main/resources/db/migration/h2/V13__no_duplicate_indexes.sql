-- Indexes that repeat another, which every insert updated as well. H2 made an index of its
-- own for each foreign key of the findings when migration 2 created the table, before
-- finding_submission and finding_return were made on the same columns: a finding went into
-- five indexes, now three; the queries use H2's. (return_record_submission, the first column
-- of return_record_submission_version, stays here: H2 took it over for the foreign key to
-- the submissions when migration 6 made it. postgresql/V13 drops it there.)
DROP INDEX finding_submission;
DROP INDEX finding_return;
