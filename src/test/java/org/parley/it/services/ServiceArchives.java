package org.parley.it.services;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Arquillian test archives deployed next to parley.war, with access to its classes and EJBs. */
final class ServiceArchives {
    private ServiceArchives() {
    }

    static WebArchive nextToParley(String name, Class<?> test) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addClasses(test, ServiceArchives.class)
                .addAsWebInfResource(new StringAsset("""
                        <jboss-deployment-structure>
                          <deployment>
                            <dependencies><module name="deployment.parley.war"/></dependencies>
                          </deployment>
                        </jboss-deployment-structure>
                        """), "jboss-deployment-structure.xml");
    }
}
