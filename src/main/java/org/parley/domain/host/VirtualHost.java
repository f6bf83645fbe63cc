package org.parley.domain.host;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.parley.xmpp.spi.HostSettings;

/** A served domain and its settings. */
@Entity
@Table(name = "parley_host")
@NamedQuery(name = "VirtualHost.all", query = "SELECT h FROM VirtualHost h ORDER BY h.domain")
public class VirtualHost {
    @Id
    @Column(length = 255)
    private String domain;

    @Enumerated(EnumType.STRING)
    @Column(name = "tls_mode", nullable = false, length = 16)
    private HostSettings.TlsMode tlsMode = HostSettings.TlsMode.OPTIONAL;

    @Column(name = "registration_enabled", nullable = false)
    private boolean registrationEnabled;

    @Column(name = "auto_approve", nullable = false)
    private boolean autoApprove;

    @Column(name = "muc_enabled", nullable = false)
    private boolean mucEnabled = true;

    @Column(name = "federation_enabled", nullable = false)
    private boolean federationEnabled;

    @Column(name = "max_offline_messages", nullable = false)
    private int maxOfflineMessages = 100;

    @Column(name = "max_stanza_bytes", nullable = false)
    private int maxStanzaBytes = 262144;

    @Column(length = 4000)
    private String motd;

    protected VirtualHost() {
    }

    public VirtualHost(String domain) {
        this.domain = domain;
    }

    public HostSettings settings() {
        return new HostSettings(domain, tlsMode, registrationEnabled, autoApprove, mucEnabled, federationEnabled,
                maxOfflineMessages, maxStanzaBytes, motd);
    }

    public void apply(HostSettings s) {
        tlsMode = s.tlsMode();
        registrationEnabled = s.registrationEnabled();
        autoApprove = s.autoApprove();
        mucEnabled = s.mucEnabled();
        federationEnabled = s.federationEnabled();
        maxOfflineMessages = s.maxOfflineMessages();
        maxStanzaBytes = s.maxStanzaBytes();
        motd = s.motd();
    }

    public String getDomain() {
        return domain;
    }
}
