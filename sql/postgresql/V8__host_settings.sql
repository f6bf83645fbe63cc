-- Host settings as one row per setting name, so a new setting needs no migration. The typed values come
-- from the application's setting catalog; a name it does not know is left alone.
CREATE TABLE parley_host_setting (
    domain VARCHAR(255) NOT NULL REFERENCES parley_host (domain) ON DELETE CASCADE,
    name VARCHAR(64) NOT NULL,
    setting_value VARCHAR(4000) NOT NULL,
    PRIMARY KEY (domain, name)
);

INSERT INTO parley_host_setting (domain, name, setting_value) SELECT domain, 'tlsMode', tls_mode FROM parley_host;
INSERT INTO parley_host_setting (domain, name, setting_value)
    SELECT domain, 'registrationEnabled', CASE WHEN registration_enabled THEN 'true' ELSE 'false' END FROM parley_host;
INSERT INTO parley_host_setting (domain, name, setting_value)
    SELECT domain, 'autoApprove', CASE WHEN auto_approve THEN 'true' ELSE 'false' END FROM parley_host;
INSERT INTO parley_host_setting (domain, name, setting_value)
    SELECT domain, 'maxOfflineMessages', CAST(max_offline_messages AS VARCHAR(11)) FROM parley_host;
INSERT INTO parley_host_setting (domain, name, setting_value)
    SELECT domain, 'maxStanzaBytes', CAST(max_stanza_bytes AS VARCHAR(11)) FROM parley_host;
INSERT INTO parley_host_setting (domain, name, setting_value) SELECT domain, 'motd', motd FROM parley_host
    WHERE motd IS NOT NULL;

-- muc_enabled and federation_enabled had no service behind them (nothing ever acted on them): dropped, not
-- carried over; the issues that build MUC and federation declare their settings anew.
ALTER TABLE parley_host DROP COLUMN tls_mode;
ALTER TABLE parley_host DROP COLUMN registration_enabled;
ALTER TABLE parley_host DROP COLUMN auto_approve;
ALTER TABLE parley_host DROP COLUMN muc_enabled;
ALTER TABLE parley_host DROP COLUMN federation_enabled;
ALTER TABLE parley_host DROP COLUMN max_offline_messages;
ALTER TABLE parley_host DROP COLUMN max_stanza_bytes;
ALTER TABLE parley_host DROP COLUMN motd;
