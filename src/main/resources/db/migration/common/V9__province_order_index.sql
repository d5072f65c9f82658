-- returns.csv reads the year's returns by province, union code and id, page by page
-- through this index, instead of having the database sort them all (H2 kept such a
-- sorted result whole in memory)
CREATE INDEX return_record_province ON return_record (report_year, province_code, union_code, id);
