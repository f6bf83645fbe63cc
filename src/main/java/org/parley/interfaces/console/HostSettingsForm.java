package org.parley.interfaces.console;

import org.parley.xmpp.spi.HostSettings;

import java.io.Serializable;

/** The editable settings of one domain as the hosts page's form holds them (the MOTD is kept as it is). */
public class HostSettingsForm implements Serializable {
    private String domain;
    private HostSettings.TlsMode tlsMode;
    private boolean registrationEnabled;
    private boolean autoApprove;
    private boolean mucEnabled;
    private boolean federationEnabled;
    private Integer maxOfflineMessages;
    private Integer maxStanzaBytes;

    static HostSettingsForm of(HostSettings s) {
        HostSettingsForm f = new HostSettingsForm();
        f.domain = s.domain();
        f.tlsMode = s.tlsMode();
        f.registrationEnabled = s.registrationEnabled();
        f.autoApprove = s.autoApprove();
        f.mucEnabled = s.mucEnabled();
        f.federationEnabled = s.federationEnabled();
        f.maxOfflineMessages = s.maxOfflineMessages();
        f.maxStanzaBytes = s.maxStanzaBytes();
        return f;
    }

    /** The form's values over the current settings (MOTD from current). */
    HostSettings applyTo(HostSettings current) {
        return new HostSettings(current.domain(), tlsMode, registrationEnabled, autoApprove, mucEnabled,
                federationEnabled, maxOfflineMessages == null ? -1 : maxOfflineMessages,
                maxStanzaBytes == null ? -1 : maxStanzaBytes, current.motd());
    }

    public String getDomain() {
        return domain;
    }

    public HostSettings.TlsMode getTlsMode() {
        return tlsMode;
    }

    public void setTlsMode(HostSettings.TlsMode tlsMode) {
        this.tlsMode = tlsMode;
    }

    public boolean isRegistrationEnabled() {
        return registrationEnabled;
    }

    public void setRegistrationEnabled(boolean registrationEnabled) {
        this.registrationEnabled = registrationEnabled;
    }

    public boolean isAutoApprove() {
        return autoApprove;
    }

    public void setAutoApprove(boolean autoApprove) {
        this.autoApprove = autoApprove;
    }

    public boolean isMucEnabled() {
        return mucEnabled;
    }

    public void setMucEnabled(boolean mucEnabled) {
        this.mucEnabled = mucEnabled;
    }

    public boolean isFederationEnabled() {
        return federationEnabled;
    }

    public void setFederationEnabled(boolean federationEnabled) {
        this.federationEnabled = federationEnabled;
    }

    public Integer getMaxOfflineMessages() {
        return maxOfflineMessages;
    }

    public void setMaxOfflineMessages(Integer maxOfflineMessages) {
        this.maxOfflineMessages = maxOfflineMessages;
    }

    public Integer getMaxStanzaBytes() {
        return maxStanzaBytes;
    }

    public void setMaxStanzaBytes(Integer maxStanzaBytes) {
        this.maxStanzaBytes = maxStanzaBytes;
    }
}
