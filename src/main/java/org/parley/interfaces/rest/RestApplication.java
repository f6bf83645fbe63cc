package org.parley.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS resources of Parley live under /api (the WAR owns the context root "/"). */
@ApplicationPath("/api")
public class RestApplication extends Application {
}
