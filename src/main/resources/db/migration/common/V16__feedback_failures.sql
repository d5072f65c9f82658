-- The feedback copies a consolidation could not make, with the reason for people: files.csv
-- and the consolidation's summary name them (issue 23, item 2). Made anew for a year by each
-- consolidation's feedback step, before files.csv is written.
CREATE TABLE feedback_failure (
    submission_id   BIGINT        NOT NULL PRIMARY KEY REFERENCES submission (id) ON DELETE CASCADE,
    report_year     INTEGER       NOT NULL,
    reason          VARCHAR(2000) NOT NULL
);
CREATE INDEX feedback_failure_year ON feedback_failure (report_year);
