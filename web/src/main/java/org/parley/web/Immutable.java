package org.parley.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose instances never change once made, so that WildFly's distributable session manager need not
 * write a session attribute of this class back to the replicated session cache after a request merely read it. It
 * treats every attribute as possibly changed by whoever read it, unless its class is a known immutable JDK type or
 * carries an annotation whose simple name is {@code Immutable} (wildfly-clustering's {@code DefaultImmutability}), as
 * this one's is. A change is then made only by {@code setAttribute} with a new instance.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Immutable {}
