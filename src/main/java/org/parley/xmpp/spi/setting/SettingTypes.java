package org.parley.xmpp.spi.setting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The setting types a descriptor can use. */
public final class SettingTypes {
    private SettingTypes() {
    }

    public static SettingType<Boolean> bool() {
        return BooleanType.INSTANCE;
    }

    public static SettingType<Integer> integer(int min, int max) {
        return new IntegerType(min, max);
    }

    public static <E extends Enum<E>> SettingType<E> oneOf(Class<E> type) {
        return new EnumType<>(type);
    }

    public static SettingType<String> text(int maxLength) {
        return new TextType(maxLength);
    }

    public static SettingType<List<String>> uris(int maxItems, String... schemes) {
        return new UriListType(List.of(schemes), maxItems);
    }

    /** A JSON Schema object with its keys in the given order (key, value, key, value, ...). */
    static Map<String, Object> schema(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
