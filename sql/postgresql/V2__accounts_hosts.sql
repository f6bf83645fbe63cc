-- EclipseLink takes a fetched value as the end of a block of 50: start at 50 so ids begin at 1.
CREATE SEQUENCE parley_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE parley_host (
    domain VARCHAR(255) PRIMARY KEY,
    tls_mode VARCHAR(16) NOT NULL,
    registration_enabled BOOLEAN NOT NULL,
    auto_approve BOOLEAN NOT NULL,
    muc_enabled BOOLEAN NOT NULL,
    federation_enabled BOOLEAN NOT NULL,
    max_offline_messages INTEGER NOT NULL,
    max_stanza_bytes INTEGER NOT NULL,
    motd VARCHAR(4000)
);

CREATE TABLE parley_account (
    id BIGINT PRIMARY KEY,
    domain VARCHAR(255) NOT NULL,
    username VARCHAR(1023) NOT NULL,
    enabled BOOLEAN NOT NULL,
    admin BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    scram_iterations INTEGER NOT NULL,
    sha1_salt VARCHAR(64),
    sha1_stored_key VARCHAR(64),
    sha1_server_key VARCHAR(64),
    sha256_salt VARCHAR(64),
    sha256_stored_key VARCHAR(64),
    sha256_server_key VARCHAR(64),
    CONSTRAINT uq_account UNIQUE (domain, username)
);
