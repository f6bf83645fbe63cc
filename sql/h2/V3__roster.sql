-- Rosters (RFC 6121 §2) and their versions (XEP-0237).
CREATE TABLE parley_roster_item (
    id BIGINT PRIMARY KEY,
    owner_jid VARCHAR(1279) NOT NULL,
    contact_jid VARCHAR(1279) NOT NULL,
    name VARCHAR(1023),
    subscription VARCHAR(8) NOT NULL,
    pending_out BOOLEAN NOT NULL,
    pending_in BOOLEAN NOT NULL,
    pending_in_status VARCHAR(1024),
    is_hidden BOOLEAN NOT NULL,
    group_names VARCHAR(8000),
    CONSTRAINT uq_roster_item UNIQUE (owner_jid, contact_jid)
);

CREATE TABLE parley_roster_version (
    owner_jid VARCHAR(1279) PRIMARY KEY,
    roster_version BIGINT NOT NULL
);
