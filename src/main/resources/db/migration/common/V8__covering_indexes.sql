-- Indexes holding every column that passes over the year's returns ask for, so that the
-- database answers from the index alone instead of reading each return's row (about 1 KB
-- with its packed values). Measured at 150,000 returns on H2, first pass after start: the
-- unions with more than one current return (resolving resubmissions) 5.7 s -> 0.5 s; each
-- union's current returns (completeness) 3.2 s -> 1.0 s; what became of each file's
-- returns (the ingest summary, files.csv) 4.2 s -> 1.3 s.
-- (The index of the current returns stays as it is: it gives the rows in the order they
-- were stored, which the outputs read them in; one ending with the union code made the
-- workbook read them all over the file, twice as slow.)
CREATE INDEX return_record_union_current ON return_record (report_year, union_code, accepted, superseded_by,
    province_code, sector_code);
DROP INDEX return_record_union;
CREATE INDEX return_record_submission_outcome ON return_record (submission_id, accepted, superseded_by);
