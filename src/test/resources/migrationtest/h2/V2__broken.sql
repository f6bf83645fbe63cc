INSERT INTO mt_one VALUES (1);
INSERT INTO no_such_table VALUES (1);
