/**
 * What every page shares: clean URLs mapped onto Faces views, the exception handler that turns domain rule
 * violations into 404/403 pages or messages, links and formatting helpers for the templates.
 */
package org.parley.web;
