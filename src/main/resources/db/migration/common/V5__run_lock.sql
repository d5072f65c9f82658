-- One run at a time (see vn.tonghop.job.RunLock): the row of the run that holds the
-- database, inserted when a job command starts and deleted when it ends. At most one row.
CREATE TABLE run_lock (
    id          VARCHAR(20)   NOT NULL PRIMARY KEY,
    token       VARCHAR(36)   NOT NULL,
    host        VARCHAR(255)  NOT NULL,
    pid         BIGINT        NOT NULL,
    started_at  TIMESTAMP     NOT NULL
);
