-- REST API keys: only the SHA-256 of the secret is stored; public_id is the lookup part of the key.
CREATE TABLE parley_api_key (
    id BIGINT PRIMARY KEY,
    public_id VARCHAR(32) NOT NULL,
    secret_hash VARCHAR(64) NOT NULL,
    name VARCHAR(100) NOT NULL,
    scope VARCHAR(16) NOT NULL,
    creator VARCHAR(1279) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at TIMESTAMP
);

CREATE UNIQUE INDEX ux_api_key_public_id ON parley_api_key (public_id);
