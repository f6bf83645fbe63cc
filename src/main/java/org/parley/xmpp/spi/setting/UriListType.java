package org.parley.xmpp.spi.setting;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A list of absolute URIs with one of the allowed schemes (e.g. mailto:, xmpp:, https:), at most maxItems.
 * As text: one URI per line (read: separated by any white space, which no URI contains, so that a command line
 * can give several). The empty list is the absence of a value.
 */
final class UriListType implements SettingType<List<String>> {
    static final int MAX_URI = 500;
    private final List<String> schemes;
    private final int maxItems;

    UriListType(List<String> schemes, int maxItems) {
        this.schemes = List.copyOf(schemes);
        this.maxItems = maxItems;
    }

    @Override
    public List<String> fromPlain(Object plain) {
        if (plain == null) {
            return List.of();
        }
        if (plain instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw new IllegalArgumentException("must be a list of URIs");
                }
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
            return List.copyOf(out);
        }
        throw new IllegalArgumentException("must be a list of URIs");
    }

    @Override
    public Object toPlain(List<String> value) {
        return value == null ? List.of() : value;
    }

    @Override
    public List<String> parse(String text) {
        if (text == null) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String format(List<String> value) {
        return value == null || value.isEmpty() ? null : String.join("\n", value);
    }

    @Override
    public String problem(List<String> value) {
        if (value == null) {
            return null;
        }
        if (value.size() > maxItems) {
            return "must list at most " + maxItems + " addresses";
        }
        for (String s : value) {
            String bad = badUri(s);
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    private String badUri(String s) {
        if (s.length() > MAX_URI) {
            return "addresses are at most " + MAX_URI + " characters";
        }
        try {
            URI uri = new URI(s);
            if (uri.getScheme() != null && schemes.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))
                    && uri.getSchemeSpecificPart() != null && !uri.getSchemeSpecificPart().isBlank()) {
                return null;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        return s + " is not a " + String.join(":, ", schemes) + ": URI";
    }

    @Override
    public Widget widget() {
        return Widget.TEXTAREA;
    }

    @Override
    public Map<String, Object> schema() {
        return SettingTypes.schema("type", "array", "maxItems", maxItems,
                "items", SettingTypes.schema("type", "string", "format", "uri", "maxLength", MAX_URI));
    }

    @Override
    public String describe() {
        return "list of " + String.join(":, ", schemes) + ": URIs (≤ " + maxItems + ")";
    }
}
