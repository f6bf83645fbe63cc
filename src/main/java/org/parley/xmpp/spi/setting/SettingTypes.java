package org.parley.xmpp.spi.setting;

import java.util.List;
import java.util.Set;

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
        return new UriListType(Set.of(schemes), maxItems);
    }
}
