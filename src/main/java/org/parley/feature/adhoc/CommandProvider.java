package org.parley.feature.adhoc;

import java.util.List;

/**
 * Implemented by a CDI bean of a feature package to contribute commands; the ad-hoc module collects every
 * provider at start, so adding commands needs no change here.
 */
public interface CommandProvider {
    List<AdHocCommand> commands();
}
