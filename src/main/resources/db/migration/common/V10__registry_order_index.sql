-- completeness reads the registry's entries page by page in their order through this
-- index, instead of holding a union for each union of the year
CREATE INDEX registry_entry_row ON registry_entry (load_id, source_row);
