-- issues.csv and the feedback copies read the year's files in the order of their names a
-- page at a time through this index, instead of having the database sort all the year's
-- findings (H2 kept such a sorted result whole in memory)
CREATE INDEX submission_file ON submission (report_year, source_file, id);
