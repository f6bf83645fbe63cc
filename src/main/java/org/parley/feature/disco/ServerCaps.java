package org.parley.feature.disco;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.parley.xmpp.spi.ModuleContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The server's entity capabilities (XEP-0115 §6.3): a {@code <c/>} in the stream features whose 'ver' is the hash
 * of the disco#info the host answers, so clients can cache that answer. Computed once per host and kept until the
 * registry changes (a module adding a feature or identity) or the domain's extended forms do (XEP-0157 addresses
 * are host settings, changed at run time), not at every login.
 */
final class ServerCaps {
    /** Names the software (XEP-0115 §4); '.invalid' (RFC 2606) because Parley has no web site of its own. */
    static final String NODE = "https://parley.invalid/caps";

    private record Cached(long generation, String forms, String ver) {
    }

    private final ModuleContext.Disco disco;
    private final Function<String, Element> infoOfHost;
    private final Map<String, Cached> byDomain = new ConcurrentHashMap<>();

    /** @param infoOfHost the disco#info {@code <query/>} the server answers for a domain */
    ServerCaps(ModuleContext.Disco disco, Function<String, Element> infoOfHost) {
        this.disco = disco;
        this.infoOfHost = infoOfHost;
    }

    /** The current 'ver' of a domain's disco#info. */
    String ver(String domain) {
        long generation = disco.generation();
        String forms = formsOf(domain);
        Cached c = byDomain.get(domain);
        if (c == null || c.generation() != generation || !c.forms().equals(forms)) {
            // the generation is read before the answer is built: a change meanwhile only costs one more hash
            c = new Cached(generation, forms, EntityCaps.ver(infoOfHost.apply(domain)));
            byDomain.put(domain, c);
        }
        return c.ver();
    }

    /** The domain's forms as text: usually none, so comparing them at each login costs next to nothing. */
    private String formsOf(String domain) {
        StringBuilder text = new StringBuilder();
        for (Element form : disco.serverForms(domain)) {
            text.append(form.asXML());
        }
        return text.toString();
    }

    /** The node#ver a client queries to learn what a 'ver' stands for (XEP-0115 §6.2). */
    boolean isCurrentNode(String domain, String node) {
        return node != null && node.equals(NODE + '#' + ver(domain));
    }

    /**
     * The stream feature, before and after authentication (XEP-0115 §6.3 ties it to no stage): a client may
     * look its cache up before it logs in.
     */
    Element feature(ModuleContext.StreamState state, String domain) {
        Element c = DocumentHelper.createElement(QName.get("c", EntityCaps.NS));
        c.addAttribute("hash", EntityCaps.HASH);
        c.addAttribute("node", NODE);
        c.addAttribute("ver", ver(domain));
        return c;
    }
}
