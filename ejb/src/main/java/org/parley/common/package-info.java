/**
 * Small building blocks every feature shares: paging of result lists and URL slugs.
 */
package org.parley.common;
