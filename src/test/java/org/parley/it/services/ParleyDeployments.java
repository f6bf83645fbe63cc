package org.parley.it.services;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Test archives deployed next to parley.war that see its classes, as a host application does. */
final class ParleyDeployments {
    private ParleyDeployments() {
    }

    static WebArchive nextToParley(String name) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addClass(ParleyDeployments.class)
                .addAsWebInfResource(new StringAsset("""
                        <jboss-deployment-structure>
                          <deployment>
                            <dependencies><module name="deployment.parley.war"/></dependencies>
                          </deployment>
                        </jboss-deployment-structure>
                        """), "jboss-deployment-structure.xml");
    }
}
