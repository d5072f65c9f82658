-- Where the file was when it was ingested, so that consolidation can write the union's
-- feedback copy (phan-hoi/) from it. source_file stays relative to the input folder.
ALTER TABLE submission ADD COLUMN source_path VARCHAR(2000);
