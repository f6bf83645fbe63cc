-- Offline messages (XEP-0160).
CREATE TABLE parley_offline_message (
    id BIGINT PRIMARY KEY,
    owner_jid VARCHAR(1279) NOT NULL,
    stored_at TIMESTAMP NOT NULL,
    stanza CLOB NOT NULL
);

CREATE INDEX ix_offline_owner ON parley_offline_message (owner_jid, stored_at);
