package org.parley.interfaces.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.parley.api.ParleyException;
import org.parley.application.HostService;
import org.parley.application.HostSettingCatalog;
import org.parley.application.command.Caller;
import org.parley.application.command.Commands;
import org.parley.feature.admin.AccountErrors;
import org.parley.xmpp.spi.HostSettings;
import org.parley.xmpp.spi.setting.HostSetting;
import org.parley.xmpp.spi.setting.SettingType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * /admin/hosts.xhtml: the virtual hosts; add, remove (confirmed) and edit one domain's settings, each action run
 * as its admin command (add_host, remove_host, get_host_settings, set_host_setting) for the logged-in admin.
 */
@Named
@ViewScoped
public class HostsPage implements Serializable {
    @EJB
    HostService hosts;

    @Inject
    Commands commands;

    @Inject
    ConsoleBean console;

    /** One domain of the list: its settings when the admin may read them (else null), and what it may do. */
    public record Row(String domain, HostSettings settings, boolean removable) implements Serializable {
        public boolean managed() {
            return settings != null;
        }
    }

    private List<Row> list;
    private String newDomain;
    /** The domain chosen with ?domain=... */
    private String selected;
    private HostSettingsForm form;
    private String pendingRemoval;

    /** The list, and the form of the domain chosen with ?domain=... */
    @PostConstruct
    public void load() {
        selected = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("domain");
        list = rows();
        form = null;
        if (selected != null && !selected.isBlank()) {
            try {
                HostSettings h = hosts.get(checked("get_host_settings", selected.trim()));
                form = HostSettingsForm.of(h, isServerAdmin());
            } catch (RuntimeException e) {
                FacesMessages.refused(null, e);
            }
        }
    }

    /** The domain once the command's policy let the admin call {@code command} on it. */
    private String checked(String command, String domain) {
        commands.authorize(caller(), command, Map.of("host", domain));
        return domain;
    }

    private List<Row> rows() {
        Caller caller = caller();
        List<Row> rows = new ArrayList<>();
        for (HostSettings h : hosts.list()) {
            Map<String, Object> host = Map.of("host", h.domain());
            rows.add(new Row(h.domain(), commands.may(caller, "get_host_settings", host) ? h : null,
                    commands.may(caller, "remove_host", host)));
        }
        return rows;
    }

    private Caller caller() {
        return console.caller();
    }

    /** Server administrators add domains and change the settings reserved to them. */
    public boolean isServerAdmin() {
        return caller().isServerAdmin();
    }

    public void add() {
        if (newDomain == null || newDomain.isBlank()) {
            FacesMessages.error("newDomain", "Enter a domain name, e.g. chat.example.org");
            return;
        }
        try {
            FacesMessages.info((String) commands.run(caller(), "add_host", Map.of("host", newDomain.trim())));
            newDomain = null;
        } catch (RuntimeException e) {
            FacesMessages.refused("newDomain", e);
        }
        list = rows();
    }

    public void save() {
        if (form == null) {
            return;
        }
        try {
            HostSettings next = form.applyTo(hosts.get(checked("get_host_settings", form.getDomain())));
            form = HostSettingsForm.of(commands.updateHost(caller(), next), isServerAdmin());
            FacesMessages.info("Saved the settings of " + form.getDomain() + " (in effect now)");
        } catch (HostSettingsForm.BadInput e) {
            e.problems.forEach(FacesMessages::error);
        } catch (RuntimeException e) {
            String field = AccountErrors.refusal(e).map(ParleyException::field)
                    .filter(f -> HostSettingCatalog.byName(f).isPresent()).orElse(null);
            FacesMessages.refused(field, e);
        }
        list = rows();
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
        try {
            commands.run(caller(), "remove_host", Map.of("host", domain));
            FacesMessages.info("Removed " + domain + " (its accounts stay stored)");
            if (form != null && form.getDomain().equals(domain)) {
                form = null;
            }
        } catch (RuntimeException e) {
            FacesMessages.refused(null, e);
        }
        list = rows();
    }

    /** The settings shown as columns of the list (generated, like the form). */
    public List<HostSetting<?>> getColumns() {
        return HostSettingCatalog.ALL.stream().filter(d -> d.type().widget() != SettingType.Widget.TEXTAREA).toList();
    }

    /** A setting's value as the list shows it (nothing for a domain the admin does not manage). */
    public String shown(Row row, HostSetting<?> d) {
        if (!row.managed()) {
            return "";
        }
        Object v = HostSettingCatalog.toPlain(row.settings()).get(d.name());
        if (v instanceof Boolean b) {
            return b ? "on" : "off";
        }
        return v == null ? "" : v.toString().toLowerCase(java.util.Locale.ROOT);
    }

    public List<Row> getList() {
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
