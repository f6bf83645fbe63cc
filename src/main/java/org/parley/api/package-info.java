/**
 * Parley's business interfaces for host applications deployed in the same server: account, session, host,
 * message, announcement and roster operations (local EJB views of the application services), their
 * serializable results, and the events Parley publishes (see docs/ejb.md). Shipped alone as
 * {@code parley-<version>-api.jar}; nothing here depends on Parley's internals.
 */
package org.parley.api;
