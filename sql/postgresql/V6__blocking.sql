CREATE TABLE parley_blocked_jid (
    id BIGINT PRIMARY KEY,
    account_jid VARCHAR(1279) NOT NULL,
    blocked_jid VARCHAR(3071) NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE INDEX ix_blocked_jid_account ON parley_blocked_jid (account_jid);
