/**
 * What every page shares: clean URLs mapped onto Faces views, the exception handler that turns domain rule
 * violations into 404/403 pages or messages, links and formatting helpers for the templates, and the address of the
 * client a request speaks for behind the load balancer.
 */
package org.parley.web;
