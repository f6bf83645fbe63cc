package org.parley.feature.disco;

import org.dom4j.Element;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.ModuleContext.Identity;
import org.parley.xmpp.spi.ModuleContext.Item;
import org.parley.xmpp.spi.ModuleContext.NodeQuery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The disco registry as modules fill it, for unit tests. */
final class FakeDisco implements ModuleContext.Disco {
    private long generation;
    final Set<String> server = new LinkedHashSet<>();
    final Set<String> account = new LinkedHashSet<>();
    final List<Identity> identities = new ArrayList<>();
    final List<Item> items = new ArrayList<>();
    final Map<String, Function<NodeQuery, List<Element>>> nodes = new HashMap<>();

    @Override
    public void serverFeature(String var) {
        server.add(var);
        generation++;
    }

    @Override
    public void accountFeature(String var) {
        account.add(var);
        generation++;
    }

    @Override
    public void serverIdentity(String category, String type, String name) {
        identities.add(new Identity(category, type, name));
        generation++;
    }

    @Override
    public void serverItem(String jid, String name) {
        items.add(new Item(jid, name));
        generation++;
    }

    @Override
    public void nodeItems(String node, Function<NodeQuery, List<Element>> f) {
        nodes.put(node, f);
        generation++;
    }

    @Override
    public Set<String> serverFeatures() {
        return Set.copyOf(server);
    }

    @Override
    public Set<String> accountFeatures() {
        return Set.copyOf(account);
    }

    @Override
    public List<Identity> serverIdentities() {
        return List.copyOf(identities);
    }

    @Override
    public List<Item> serverItems() {
        return List.copyOf(items);
    }

    @Override
    public Function<NodeQuery, List<Element>> node(String node) {
        return nodes.get(node);
    }

    final List<Function<String, Element>> forms = new java.util.ArrayList<>();

    @Override
    public void serverForm(Function<String, Element> form) {
        forms.add(form);
        generation++;
    }

    @Override
    public List<Element> serverForms(String domain) {
        return forms.stream().map(f -> f.apply(domain)).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public long generation() {
        return generation;
    }
}
