package org.parley.errorlog.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import org.parley.errorlog.ErrorLog;

/**
 * Wraps the other exception handlers (listed last in faces-config.xml) and notes each unexpected exception of a Faces
 * request before they answer it: an ajax request's never reaches {@link ErrorLogFilter}, since OmniFaces renders its
 * error page inside Faces. The expected ones (rule exceptions, expired views) are left out by {@link ErrorLog}.
 */
public class ErrorLogExceptionHandlerFactory extends ExceptionHandlerFactory {

    public ErrorLogExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext context = FacesContext.getCurrentInstance();
            for (ExceptionQueuedEvent event : getUnhandledExceptionQueuedEvents()) {
                if (context != null
                        && context.getExternalContext().getRequest() instanceof HttpServletRequest request) {
                    RequestErrors.note(
                            CDI.current().select(ErrorLog.class).get(),
                            request,
                            event.getContext().getException());
                }
            }
            getWrapped().handle();
        }
    }
}
