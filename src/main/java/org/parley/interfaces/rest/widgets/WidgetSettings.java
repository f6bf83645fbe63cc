package org.parley.interfaces.rest.widgets;

import org.parley.config.ParleyConfig;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings of the widgets: which domains show their online users to anybody
 * ({@code parley.widgets.public.domains}, comma-separated, default none) and how often the widget asks
 * ({@code parley.widgets.poll.seconds}, default 5).
 */
public record WidgetSettings(Set<String> publicDomains, int pollSeconds) {

    public static WidgetSettings fromConfig() {
        Set<String> domains = Arrays.stream(ParleyConfig.get("widgets.public.domains", "").split(","))
                .map(d -> d.trim().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return new WidgetSettings(domains, Math.max(1, ParleyConfig.getInt("widgets.poll.seconds", 5)));
    }

    public boolean isPublic(String domain) {
        return publicDomains.contains(domain.toLowerCase(Locale.ROOT));
    }
}
