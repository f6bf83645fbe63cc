package org.parley.interfaces.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.parley.application.HostService;
import org.parley.xmpp.spi.HostSettings;

import java.io.Serializable;
import java.util.List;

/** /admin/hosts.xhtml: the virtual hosts; add, remove (confirmed) and edit one domain's settings. */
@Named
@ViewScoped
public class HostsPage implements Serializable {
    @EJB
    HostService hosts;

    private List<HostSettings> list;
    private String newDomain;
    /** The domain chosen with ?domain=... */
    private String selected;
    private HostSettingsForm form;
    private String pendingRemoval;

    /** The list, and the form of the domain chosen with ?domain=... */
    @PostConstruct
    public void load() {
        selected = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("domain");
        list = hosts.list();
        form = null;
        if (selected != null && !selected.isBlank()) {
            list.stream().filter(h -> h.domain().equals(selected.trim())).findFirst()
                    .ifPresentOrElse(h -> form = HostSettingsForm.of(h),
                            () -> FacesMessages.error(null, "No such domain: " + selected));
        }
    }

    public void add() {
        if (newDomain == null || newDomain.isBlank()) {
            FacesMessages.error("newDomain", "Enter a domain name, e.g. chat.example.org");
            return;
        }
        try {
            HostSettings added = hosts.add(newDomain.trim());
            FacesMessages.info("Added " + added.domain());
            newDomain = null;
        } catch (RuntimeException e) {
            FacesMessages.refused("newDomain", e);
        }
        list = hosts.list();
    }

    public void save() {
        if (form == null) {
            return;
        }
        try {
            HostSettings next = form.applyTo(hosts.get(form.getDomain()));
            String bad = HostService.invalidField(next);
            if (bad != null) {
                FacesMessages.error(bad, problem(bad));
                return;
            }
            form = HostSettingsForm.of(hosts.update(next));
            FacesMessages.info("Saved the settings of " + form.getDomain() + " (in effect now)");
        } catch (RuntimeException e) {
            FacesMessages.refused(null, e);
        }
        list = hosts.list();
    }

    static String problem(String field) {
        return switch (field) {
            case "tlsMode" -> "Choose a TLS mode";
            case "maxOfflineMessages" -> "Enter 0 or more messages";
            case "maxStanzaBytes" -> "Enter at least " + HostService.MIN_STANZA_BYTES + " bytes";
            default -> field + " is out of range";
        };
    }

    public void askRemoval(String domain) {
        pendingRemoval = domain;
    }

    public void cancelRemoval() {
        pendingRemoval = null;
    }

    public void remove() {
        String domain = pendingRemoval;
        pendingRemoval = null;
        if (domain == null) {
            return;
        }
        if (domain.equals(ConsoleUser.domain())) {
            FacesMessages.error(null, "You cannot remove the domain of the account you are logged in with");
            return;
        }
        try {
            hosts.remove(domain);
            FacesMessages.info("Removed " + domain + " (its accounts stay stored)");
            if (form != null && form.getDomain().equals(domain)) {
                form = null;
            }
        } catch (RuntimeException e) {
            FacesMessages.refused(null, e);
        }
        list = hosts.list();
    }

    public HostSettings.TlsMode[] getTlsModes() {
        return HostSettings.TlsMode.values();
    }

    public List<HostSettings> getList() {
        return list;
    }

    public String getNewDomain() {
        return newDomain;
    }

    public void setNewDomain(String newDomain) {
        this.newDomain = newDomain;
    }

    public HostSettingsForm getForm() {
        return form;
    }

    public String getPendingRemoval() {
        return pendingRemoval;
    }
}
