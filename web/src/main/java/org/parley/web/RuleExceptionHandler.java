package org.parley.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.rules.ConflictException;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.rules.RateLimitedException;

/**
 * Turns the domain rules' exceptions into what a person should see, so that view beans need no try/catch:
 *
 * <ul>
 *   <li>in an ajax request, or for bad input, conflicts and rate limits in any request: each of the exception's
 *       problems as an error message next to the field it names ({@link FieldMessages}), or for the whole form when it
 *       names none (a rate limit's says when to try again, and a full page request gets it with HTTP 429 and
 *       {@code Retry-After}), and the page re-rendered with what was typed, nothing else changed;
 *   <li>a missing thing or a refusal on a full page request: HTTP 404 or 403 and the matching error page;
 *   <li>a form posted after its view expired: a fresh GET of the page it came from.
 * </ul>
 *
 * Anything else goes on to the wrapped handlers (OmniFaces renders the 500 page for ajax, the container for the rest).
 */
public class RuleExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger log = Logger.getLogger(RuleExceptionHandler.class.getName());

    public RuleExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events =
                getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable thrown = events.next().getContext().getException();
            RuntimeException rule = ruleViolation(thrown);
            if (rule != null) {
                events.remove();
                handleRule(context, rule);
            } else if (find(thrown, ViewExpiredException.class) != null
                    && !context.getExternalContext().isResponseCommitted()) {
                events.remove();
                restart(context);
            }
        }
        getWrapped().handle();
    }

    /** The layout's toast for action messages ({@code p:growl id="growl"}, logged-in pages). */
    static final String TOAST = "growl";

    private static void handleRule(FacesContext context, RuntimeException rule) {
        ExternalContext external = context.getExternalContext();
        boolean ajax = context.getPartialViewContext().isAjaxRequest();
        boolean message = ajax
                || rule instanceof InvalidInputException
                || rule instanceof ConflictException
                || rule instanceof RateLimitedException;
        if (message && context.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            log.log(Level.FINE, "Refused: {0}", rule.getMessage());
            if (rule instanceof RateLimitedException limited && !ajax) {
                // The form again with the message, but answered as what it is, so that a script hammering a form
                // (log-in guesses) sees a 429 and when to come back. Not for ajax: Faces' client needs a 200 there.
                external.setResponseStatus(429);
                external.setResponseHeader(
                        "Retry-After", Long.toString(limited.retryAfter().toSeconds()));
            }
            FieldMessages.show(context, problems(rule));
            context.validationFailed();
            if (ajax && context.getViewRoot() != null && context.getViewRoot().findComponent(TOAST) != null) {
                // A stateless view's postback rebuilds the tree without the events that sign a p:autoUpdate
                // component up for every ajax answer, so the toast the message goes to is named here.
                context.getPartialViewContext().getRenderIds().add(TOAST);
            }
            context.renderResponse();
            return;
        }
        if (external.isResponseCommitted()) {
            // Too late for a status: the page is half sent. Say so in the log; the person sees a truncated page.
            log.log(Level.WARNING, "{0} after the response was committed: {1}", new Object[] {
                rule.getClass().getSimpleName(), rule.getMessage()
            });
            context.responseComplete();
            return;
        }
        int status = rule instanceof NotFoundException
                ? 404
                : rule instanceof NotAllowedException ? 403 : rule instanceof RateLimitedException ? 429 : 400;
        try {
            external.responseReset();
            external.responseSendError(status, rule.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }

    /** Each problem of a rule exception as (field or null, message). */
    private static List<FieldMessages.Problem> problems(RuntimeException rule) {
        if (rule instanceof InvalidInputException invalid) {
            return invalid.problems().stream()
                    .map(p -> new FieldMessages.Problem(p.field(), p.getMessage()))
                    .toList();
        }
        String field = rule instanceof ConflictException conflict ? conflict.field() : null;
        return List.of(new FieldMessages.Problem(field, rule.getMessage()));
    }

    /** Sends the browser back to the page the expired form was on (same site), or home. */
    private static void restart(FacesContext context) {
        ExternalContext external = context.getExternalContext();
        String referer = external.getRequestHeaderMap().get("Referer");
        String target = external.getRequestContextPath() + "/";
        if (referer != null) {
            String origin = external.getRequestScheme() + "://"
                    + external.getRequestHeaderMap().get("Host");
            if (referer.startsWith(origin + "/")) {
                target = referer.substring(origin.length());
            }
        }
        try {
            external.redirect(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }

    /** The rule exception in {@code thrown}'s cause chain (Faces and EL wrap it), or null. */
    static RuntimeException ruleViolation(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NotFoundException
                    || t instanceof NotAllowedException
                    || t instanceof InvalidInputException
                    || t instanceof ConflictException
                    || t instanceof RateLimitedException) {
                return (RuntimeException) t;
            }
        }
        return null;
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
