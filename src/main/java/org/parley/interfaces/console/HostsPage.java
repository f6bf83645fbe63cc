package org.parley.interfaces.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.parley.application.HostService;
import org.parley.application.HostSettingCatalog;
import org.parley.application.SettingRefused;
import org.parley.xmpp.spi.HostSettings;
import org.parley.xmpp.spi.setting.HostSetting;
import org.parley.xmpp.spi.setting.SettingType;
import org.xmpp.packet.JID;

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
                    .ifPresentOrElse(h -> form = HostSettingsForm.of(h, serverAdmin()),
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
        JID actor = actor();
        if (actor == null) {
            FacesMessages.error(null, "Log in as an administrator to change settings");
            return;
        }
        try {
            HostSettings next = form.applyTo(hosts.get(form.getDomain()));
            form = HostSettingsForm.of(hosts.update(next, actor), serverAdmin());
            FacesMessages.info("Saved the settings of " + form.getDomain() + " (in effect now)");
        } catch (HostSettingsForm.BadInput e) {
            e.problems.forEach(FacesMessages::error);
        } catch (SettingRefused e) {
            FacesMessages.error(e.setting(), e.getMessage());
        } catch (RuntimeException e) {
            FacesMessages.refused(null, e);
        }
        list = hosts.list();
    }

    /** The logged-in administrator, or null when nobody is logged in. */
    private static JID actor() {
        return ConsoleUser.domain() == null ? null : new JID(ConsoleUser.name()).asBareJID();
    }

    private static boolean serverAdmin() {
        JID actor = actor();
        return actor != null && HostService.isServerAdmin(actor);
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

    /** The settings shown as columns of the list (generated, like the form). */
    public List<HostSetting<?>> getColumns() {
        return HostSettingCatalog.ALL.stream().filter(d -> d.type().widget() != SettingType.Widget.TEXTAREA).toList();
    }

    /** A setting's value as the list shows it. */
    public String shown(HostSettings h, HostSetting<?> d) {
        Object v = HostSettingCatalog.toPlain(h).get(d.name());
        if (v instanceof Boolean b) {
            return b ? "on" : "off";
        }
        return v == null ? "" : v.toString().toLowerCase(java.util.Locale.ROOT);
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
