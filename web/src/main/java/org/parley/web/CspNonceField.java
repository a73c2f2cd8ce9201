package org.parley.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.component.UIForm;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import java.io.IOException;
import org.primefaces.context.PrimeApplicationContext;
import org.primefaces.context.PrimeFacesContext;

/**
 * The page's CSP nonce as a hidden field of every Faces form, rendered on the server. PrimeFaces' CSP mode checks on
 * every postback that the form sent back the nonce of its view ({@code primefaces.nonce}) and fails the request
 * otherwise ("CSP nonce mismatch"); its script adds the field, but only on pages that load PrimeFaces, which an
 * anonymous visitor's pages (log-in, sign-up) and plain admin forms do not. With the field rendered here a form posts
 * its nonce with or without any script; PrimeFaces' script, where it runs, finds the field and keeps it.
 *
 * <p>Registered in faces-config.xml for {@code PostAddToViewEvent}: each form gets one field whenever its view is
 * built (the field is transient, so it is never saved with the view's state).
 */
public class CspNonceField implements SystemEventListener {

    /** The request parameter PrimeFaces reads the nonce from. */
    static final String PARAMETER = "primefaces.nonce";

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIForm;
    }

    @Override
    public void processEvent(SystemEvent event) throws AbortProcessingException {
        FormFields.addOnce((UIComponent) event.getSource(), Field.class, Field::new);
    }

    /** {@code <input type="hidden" name="primefaces.nonce" value="...">}. */
    public static class Field extends UIComponentBase {

        @Override
        public String getFamily() {
            return "org.parley.CspNonce";
        }

        @Override
        public String getRendererType() {
            return null;
        }

        @Override
        public void encodeBegin(FacesContext context) throws IOException {
            if (!PrimeApplicationContext.getCurrentInstance(context).getConfig().isCsp()) {
                return;
            }
            ResponseWriter writer = context.getResponseWriter();
            writer.startElement("input", this);
            writer.writeAttribute("type", "hidden", null);
            writer.writeAttribute("name", PARAMETER, null);
            writer.writeAttribute(
                    "value", PrimeFacesContext.getCspState(context).getNonce(), null);
            writer.endElement("input");
        }
    }
}
