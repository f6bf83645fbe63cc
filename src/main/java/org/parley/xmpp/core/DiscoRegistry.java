package org.parley.xmpp.core;

import org.dom4j.Element;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.ModuleContext.Identity;
import org.parley.xmpp.spi.ModuleContext.Item;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** What modules announce; the disco module renders it (XEP-0030). */
public final class DiscoRegistry implements ModuleContext.Disco {
    private final Set<String> serverFeatures = ConcurrentHashMap.newKeySet();
    private final Set<String> accountFeatures = ConcurrentHashMap.newKeySet();
    private final List<Identity> serverIdentities = new CopyOnWriteArrayList<>();
    private final List<Item> serverItems = new CopyOnWriteArrayList<>();
    private final Map<String, Function<ModuleContext.NodeQuery, List<Element>>> nodes = new ConcurrentHashMap<>();
    private final List<Function<String, Element>> serverForms = new CopyOnWriteArrayList<>();
    /** Counts changes, so that what is derived from the registry (the XEP-0115 hash) is recomputed only then. */
    private final AtomicLong generation = new AtomicLong();

    @Override
    public void serverFeature(String var) {
        serverFeatures.add(var);
        generation.incrementAndGet();
    }

    @Override
    public void accountFeature(String var) {
        accountFeatures.add(var);
        generation.incrementAndGet();
    }

    @Override
    public void serverIdentity(String category, String type, String name) {
        serverIdentities.add(new Identity(category, type, name));
        generation.incrementAndGet();
    }

    @Override
    public void serverItem(String jid, String name) {
        serverItems.add(new Item(jid, name));
        generation.incrementAndGet();
    }

    @Override
    public void nodeItems(String node, Function<ModuleContext.NodeQuery, List<Element>> items) {
        nodes.put(node, items);
        generation.incrementAndGet();
    }

    @Override
    public long generation() {
        return generation.get();
    }

    @Override
    public Set<String> serverFeatures() {
        return Set.copyOf(serverFeatures);
    }

    @Override
    public Set<String> accountFeatures() {
        return Set.copyOf(accountFeatures);
    }

    @Override
    public List<Identity> serverIdentities() {
        return List.copyOf(serverIdentities);
    }

    @Override
    public List<Item> serverItems() {
        return List.copyOf(serverItems);
    }

    @Override
    public Function<ModuleContext.NodeQuery, List<Element>> node(String node) {
        return nodes.get(node);
    }

    @Override
    public void serverForm(Function<String, Element> form) {
        serverForms.add(form);
        generation.incrementAndGet();
    }

    @Override
    public List<Element> serverForms(String domain) {
        List<Element> forms = new java.util.ArrayList<>();
        for (Function<String, Element> f : serverForms) {
            Element form = f.apply(domain);
            if (form != null) {
                forms.add(form);
            }
        }
        return forms;
    }
}
