-- Baseline: server-wide key/value settings.
-- (The H2 datasource sets NON_KEYWORDS=KEY,VALUE, so "value" needs no quotes.)
CREATE TABLE parley_setting (
    name  VARCHAR(200)  NOT NULL PRIMARY KEY,
    value VARCHAR(4000)
);
