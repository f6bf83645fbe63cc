#!/bin/bash
# Removes a WildFly in the server directory that Galleon did not provision (the whole distribution that
# builds before the Galleon provisioning unpacked there), so the next step provisions the trimmed server
# instead of reusing it. A provisioned server (it has .galleon/) is left alone; after changing the layers in
# pom.xml, run mvn clean.
#   wildfly/drop-unprovisioned.sh <server directory>
home=$1
if [ -d "$home" ] && [ ! -d "$home/.galleon" ]; then
  echo "Removing $home: not provisioned by Galleon (an unpacked distribution from an older build)"
  rm -rf "$home"
fi
