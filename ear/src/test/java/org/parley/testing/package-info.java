/** What the in-container and browser tests share: the deployment under test and small HTTP helpers. */
package org.parley.testing;
