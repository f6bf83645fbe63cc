CREATE TABLE parley_vcard (
    id BIGINT PRIMARY KEY,
    account_jid VARCHAR(1279) NOT NULL,
    payload CLOB NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CONSTRAINT uq_vcard_account UNIQUE (account_jid)
);

CREATE TABLE parley_private_xml (
    id BIGINT PRIMARY KEY,
    account_jid VARCHAR(1279) NOT NULL,
    xml_namespace VARCHAR(1024) NOT NULL,
    payload CLOB NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CONSTRAINT uq_private_xml UNIQUE (account_jid, xml_namespace)
);
