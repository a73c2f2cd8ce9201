/** The operators' backup endpoint, {@code POST /ops/backup} (see {@link org.parley.backup}). */
package org.parley.backup.web;
