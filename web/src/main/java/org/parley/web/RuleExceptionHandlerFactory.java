package org.parley.web;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Installs {@link RuleExceptionHandler} around the handler the factories before it made (see faces-config.xml). */
public class RuleExceptionHandlerFactory extends ExceptionHandlerFactory {

    public RuleExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new RuleExceptionHandler(getWrapped().getExceptionHandler());
    }
}
