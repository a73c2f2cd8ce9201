/** The user pages: register, and log in and out. */
package org.parley.user.web;
