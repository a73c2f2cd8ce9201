/** Tests that drive Parley's pages in a real headless Chromium, as a person would. */
package org.parley.browser;
