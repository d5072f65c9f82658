-- files.csv lists each file of a year by its path, with its latest look in the intake log,
-- and the returns of its submission: both read through an index.
CREATE INDEX intake_log_file ON intake_log (report_year, source_file, id DESC);
CREATE INDEX return_record_submission ON return_record (submission_id);
