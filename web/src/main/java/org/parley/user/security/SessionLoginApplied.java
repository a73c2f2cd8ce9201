package org.parley.user.security;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * On an authentication mechanism: a session that logged in is logged in for each of its requests from its {@link
 * SessionLogin}, in place of Jakarta Security's {@code @AutoApplySession}.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target(java.lang.annotation.ElementType.TYPE)
public @interface SessionLoginApplied {}
