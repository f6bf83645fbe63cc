package org.parley.feature.presence;

import org.dom4j.Element;
import org.parley.xmpp.spi.ModuleContext;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Records the features modules announce. */
public class FakeDisco implements ModuleContext.Disco {
    private long generation;
    public final Set<String> serverFeatures = ConcurrentHashMap.newKeySet();
    public final Set<String> accountFeatures = ConcurrentHashMap.newKeySet();

    @Override
    public void serverFeature(String var) {
        serverFeatures.add(var);
        generation++;
    }

    @Override
    public void accountFeature(String var) {
        accountFeatures.add(var);
        generation++;
    }

    @Override
    public void serverIdentity(String category, String type, String name) {
    }

    @Override
    public void serverItem(String jid, String name) {
    }

    @Override
    public void nodeItems(String node, Function<ModuleContext.NodeQuery, List<Element>> items) {
    }

    @Override
    public Set<String> serverFeatures() {
        return serverFeatures;
    }

    @Override
    public Set<String> accountFeatures() {
        return accountFeatures;
    }

    @Override
    public List<ModuleContext.Identity> serverIdentities() {
        return List.of();
    }

    @Override
    public List<ModuleContext.Item> serverItems() {
        return List.of();
    }

    @Override
    public Function<ModuleContext.NodeQuery, List<Element>> node(String node) {
        return null;
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
