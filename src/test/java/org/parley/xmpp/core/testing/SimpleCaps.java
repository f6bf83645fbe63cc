package org.parley.xmpp.core.testing;

import org.dom4j.Element;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * XEP-0115 §5.1 written apart from the server's code, for checking its 'ver': enough for disco#info answers
 * without forms, languages or non-ASCII names (there String order is the i;octet order the XEP asks for).
 */
public final class SimpleCaps {
    private SimpleCaps() {
    }

    public static String sha1(Element discoInfoQuery) {
        List<String> identities = new ArrayList<>();
        for (Element i : discoInfoQuery.elements("identity")) {
            identities.add(i.attributeValue("category") + "/" + i.attributeValue("type") + "//"
                    + (i.attributeValue("name") == null ? "" : i.attributeValue("name")));
        }
        List<String> features = new ArrayList<>();
        for (Element f : discoInfoQuery.elements("feature")) {
            features.add(f.attributeValue("var"));
        }
        identities.sort(null);
        features.sort(null);
        StringBuilder s = new StringBuilder();
        identities.forEach(i -> s.append(i).append('<'));
        features.forEach(f -> s.append(f).append('<'));
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
