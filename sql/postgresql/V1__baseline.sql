-- Baseline: server-wide key/value settings.
CREATE TABLE parley_setting (
    name  VARCHAR(200)  NOT NULL PRIMARY KEY,
    value VARCHAR(4000)
);
