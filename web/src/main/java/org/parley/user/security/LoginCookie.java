package org.parley.user.security;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** On an authentication mechanism: a request without a logged-in session is logged in by its log-in cookie. */
@InterceptorBinding
@Retention(RUNTIME)
@Target(TYPE)
public @interface LoginCookie {}
