package org.parley.user.security;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.web.FormFields;
import org.parley.web.LookedUp;

/**
 * The form token of a logged-in session, which the forms of stateless pages post back. A stateful Faces view's state
 * id is its forms' CSRF token; a stateless view ({@code <f:view transient="true">}, which the reading pages are, so
 * that viewing them writes nothing into the replicated session) has none. Every form therefore carries a hidden
 * {@value #PARAMETER} with the session's token ({@link SessionLogin}: 256 random bits made at log-in), and a postback
 * of a stateless view in a logged-in session is refused with 403 unless it sent that token back. (The session cookie
 * is also SameSite=Lax, so a cross-site post arrives without the session anyway.) An anonymous session has no token:
 * its postbacks act for nobody.
 *
 * <p>{@link Field} is added to each form when its view is built ({@link AddToForms}, registered in faces-config.xml
 * for {@code PostAddToViewEvent}; transient, never saved with a view's state); {@link Check} runs after the restore
 * view phase.
 */
public final class FormTokens {

    /** The request parameter of the token. */
    public static final String PARAMETER = "parley-form-token";

    private static final Logger log = Logger.getLogger(FormTokens.class.getName());

    private static final LookedUp<CurrentUser> USER = LookedUp.of(CurrentUser.class);

    private FormTokens() {}

    /** The current session's token, or null when it is not logged in. */
    static String current() {
        return USER.get().formToken();
    }

    /** Whether {@code posted} is the session's {@code token} (compared in constant time). */
    static boolean matches(String token, String posted) {
        return posted != null
                && MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.US_ASCII), posted.getBytes(StandardCharsets.US_ASCII));
    }

    /** Adds a {@link Field} to each form as its view is built. */
    public static class AddToForms implements SystemEventListener {

        @Override
        public boolean isListenerForSource(Object source) {
            return source instanceof UIForm;
        }

        @Override
        public void processEvent(SystemEvent event) throws AbortProcessingException {
            FormFields.addOnce((UIComponent) event.getSource(), Field.class, Field::new);
        }
    }

    /** {@code <input type="hidden" name="parley-form-token" value="...">} in a logged-in session, else nothing. */
    public static class Field extends UIComponentBase {

        @Override
        public String getFamily() {
            return "org.parley.FormToken";
        }

        @Override
        public String getRendererType() {
            return null;
        }

        @Override
        public void encodeBegin(FacesContext context) throws IOException {
            String token = current();
            if (token == null) {
                return;
            }
            ResponseWriter writer = context.getResponseWriter();
            writer.startElement("input", this);
            writer.writeAttribute("type", "hidden", null);
            writer.writeAttribute("name", PARAMETER, null);
            writer.writeAttribute("value", token, null);
            writer.endElement("input");
        }
    }

    /** Refuses a logged-in session's postback of a stateless view without the session's token: 403. */
    public static class Check implements PhaseListener {

        private static final long serialVersionUID = 1L;

        @Override
        public PhaseId getPhaseId() {
            return PhaseId.RESTORE_VIEW;
        }

        @Override
        public void afterPhase(PhaseEvent event) {
            FacesContext context = event.getFacesContext();
            UIViewRoot root = context.getViewRoot();
            if (root == null || !root.isTransient() || !context.isPostback()) {
                return;
            }
            String token = current();
            ExternalContext external = context.getExternalContext();
            if (token == null
                    || matches(token, external.getRequestParameterMap().get(PARAMETER))) {
                return;
            }
            log.log(Level.INFO, "Refused a post to {0} without the session''s form token", root.getViewId());
            try {
                external.responseSendError(403, "This form is out of date: reload the page and try again.");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.responseComplete();
        }

        @Override
        public void beforePhase(PhaseEvent event) {}
    }
}
