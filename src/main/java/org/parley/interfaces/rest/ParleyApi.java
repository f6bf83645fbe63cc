package org.parley.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The HTTP API of the server under /api; resources and providers are found by scanning. */
@ApplicationPath("/api")
public class ParleyApi extends Application {
}
