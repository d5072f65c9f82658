-- How many commands have used the database (see vn.tonghop.store.RunCounter): with the
-- embedded H2 the same number is written to a small file beside the database after each,
-- and a database whose number is lower than that file's is older than its last run (a file
-- truncated or copied over, which H2 opens as the older state it still holds). One row.
CREATE TABLE run_counter (
    id          VARCHAR(20)   NOT NULL PRIMARY KEY,
    runs        BIGINT        NOT NULL
);
INSERT INTO run_counter (id, runs) VALUES ('tonghop', 0);
