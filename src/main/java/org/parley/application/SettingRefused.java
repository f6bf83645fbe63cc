package org.parley.application;

import jakarta.ejb.ApplicationException;

/** An administrator changed a host setting reserved to server administrators; nothing was changed. */
@ApplicationException(rollback = true)
public class SettingRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String setting;

    public SettingRefused(String setting) {
        super(setting + " is changed by server administrators only");
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
