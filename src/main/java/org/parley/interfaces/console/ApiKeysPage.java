package org.parley.interfaces.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.parley.application.ApiKeyService;
import org.parley.domain.apikey.ApiKeyInfo;
import org.parley.domain.apikey.ApiKeyScope;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

/**
 * /admin/apikeys.xhtml: create a key (its secret is shown in this view only, once), list, revoke (confirmed).
 * The creator is the logged-in administrator.
 */
@Named
@ViewScoped
public class ApiKeysPage implements Serializable {
    @EJB
    ApiKeyService keys;

    private List<ApiKeyInfo> list;
    private String name;
    private String scope = ApiKeyScope.READ_ONLY.label();
    /** The new key's text: shown until the next action, never again. */
    private transient String shownKey;
    private String pendingRevocation;

    @PostConstruct
    public void load() {
        list = keys.list();
    }

    public void create() {
        shownKey = null;
        String bad = ApiKeyService.invalidField(name, scope);
        if (bad != null) {
            FacesMessages.error("name".equals(bad) ? "keyName" : "keyScope", ApiKeyService.problem(bad));
            return;
        }
        try {
            ApiKeyService.Created created = keys.create(name, scope, ConsoleUser.name());
            shownKey = created.key();
            name = null;
        } catch (RuntimeException e) {
            FacesMessages.refused("keyName", e);
        }
        list = keys.list();
    }

    public void askRevocation(String id) {
        shownKey = null;
        pendingRevocation = id;
    }

    public void cancelRevocation() {
        pendingRevocation = null;
    }

    public void revoke() {
        String id = pendingRevocation;
        pendingRevocation = null;
        if (id == null) {
            return;
        }
        try {
            keys.revoke(id);
            FacesMessages.info("Revoked the key " + id + ": requests with it are refused from now on");
        } catch (RuntimeException e) {
            FacesMessages.refused(null, e);
        }
        list = keys.list();
    }

    /** UTC time without fractions, or a dash. */
    public String time(LocalDateTime t) {
        return t == null ? "–" : t.withNano(0).toString().replace('T', ' ') + " UTC";
    }

    public ApiKeyScope[] getScopes() {
        return ApiKeyScope.values();
    }

    public List<ApiKeyInfo> getList() {
        return list;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getShownKey() {
        return shownKey;
    }

    public String getPendingRevocation() {
        return pendingRevocation;
    }
}
