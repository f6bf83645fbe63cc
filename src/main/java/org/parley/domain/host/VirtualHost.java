package org.parley.domain.host;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.util.HashMap;
import java.util.Map;

/**
 * A served domain and its settings, stored as text per setting name (table parley_host_setting), so a new
 * setting needs no schema change. The application's setting catalog turns them into typed values.
 */
@Entity
@Table(name = "parley_host")
@NamedQuery(name = "VirtualHost.all", query = "SELECT h FROM VirtualHost h ORDER BY h.domain")
public class VirtualHost {
    /** Size of the value column. */
    public static final int MAX_VALUE = 4000;

    @Id
    @Column(length = 255)
    private String domain;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "parley_host_setting", joinColumns = @JoinColumn(name = "domain"))
    @MapKeyColumn(name = "name", length = 64)
    @Column(name = "setting_value", length = MAX_VALUE, nullable = false)
    private Map<String, String> settings = new HashMap<>();

    protected VirtualHost() {
    }

    public VirtualHost(String domain) {
        this.domain = domain;
    }

    public String getDomain() {
        return domain;
    }

    /** The stored settings, name → text; changes to the map are stored with the host. */
    public Map<String, String> settings() {
        return settings;
    }
}
