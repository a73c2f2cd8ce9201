package org.parley.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import org.primefaces.config.PrimeConfiguration;
import org.primefaces.context.PrimeRequestContext;
import org.primefaces.renderkit.HeadRenderer;

/**
 * PrimeFaces' head, minus PrimeFaces on a page that has none of its components. Its renderer adds its client-side
 * locale script (15 KB) and its settings to every page's head; on the pages an anonymous reader sees (which carry no
 * PrimeFaces component, see layout.xhtml) they would be the only PrimeFaces bytes, and they do nothing without its
 * core. A page with a PrimeFaces component, which brings the core script into the view when it is built, gets all of
 * it as before. Registered in faces-config.xml in PrimeFaces' place.
 */
public class PlainHeadRenderer extends HeadRenderer {

    private static final String LIBRARY = "primefaces";

    @Override
    protected void encodeValidationResources(FacesContext context, PrimeConfiguration config) {
        if (usesPrimeFaces(context)) {
            super.encodeValidationResources(context, config);
        }
    }

    @Override
    protected void encodeLocaleResources(FacesContext context, PrimeConfiguration config) {
        if (usesPrimeFaces(context)) {
            super.encodeLocaleResources(context, config);
        }
    }

    @Override
    protected void encodeSettingScripts(
            FacesContext context, PrimeRequestContext request, PrimeConfiguration config, ResponseWriter writer)
            throws IOException {
        if (usesPrimeFaces(context)) {
            super.encodeSettingScripts(context, request, config, writer);
        }
    }

    @Override
    protected void encodeInitScripts(
            FacesContext context, PrimeRequestContext request, PrimeConfiguration config, ResponseWriter writer)
            throws IOException {
        if (usesPrimeFaces(context)) {
            super.encodeInitScripts(context, request, config, writer);
        }
    }

    /** Whether any component of the view asked for a PrimeFaces resource (its scripts and styles). */
    static boolean usesPrimeFaces(FacesContext context) {
        if (context.getViewRoot() == null) {
            return true;
        }
        for (String target : new String[] {"head", "body", "form"}) {
            for (UIComponent resource : context.getViewRoot().getComponentResources(context, target)) {
                if (LIBRARY.equals(resource.getAttributes().get("library"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
