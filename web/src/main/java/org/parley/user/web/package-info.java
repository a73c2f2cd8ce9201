/** The user pages: register, log in and out, and a user's public profile with their questions and answers. */
package org.parley.user.web;
