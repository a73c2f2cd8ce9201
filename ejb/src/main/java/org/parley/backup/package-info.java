/**
 * Online backups of Parley's database (issue 22): {@link org.parley.backup.BackupService} has the running server copy
 * its H2 database into a zip file, transactionally consistent and without stopping anything; {@code
 * scripts/backup.sh} asks for it on the operators' listener and keeps it with the data folder's secrets, and {@code
 * scripts/restore.sh} brings it back into a stopped Parley. A PostgreSQL database (the cluster's) is not backed up
 * from here. See docs/operations.md.
 */
package org.parley.backup;
