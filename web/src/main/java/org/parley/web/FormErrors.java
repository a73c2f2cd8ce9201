package org.parley.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitHint;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.component.autocomplete.AutoComplete;

/**
 * The error summary at the top of a form ({@code WEB-INF/includes/form-errors.xhtml}): every error message of the
 * form's inputs, in page order, each with the input's label and the id to link to, then the messages for the whole
 * form. Only errors: the layout's toast shows the rest (success messages).
 */
@Named
@RequestScoped
public class FormErrors {

    /**
     * One line of the summary; {@code target} is the id of the element to focus, null for a form-wide message;
     * {@code label} the input's label, null if it has none (the messages name their field, so the page shows only
     * the text).
     */
    public record Line(String label, String text, String target) {}

    /** The summary element's id is the form's plus this (see form-errors.xhtml). */
    static final String SUMMARY_SUFFIX = "-errors";

    private final Map<String, List<Line>> byForm = new HashMap<>();

    /** The summary lines of the form with this id (a top-level form); empty when it has no errors. */
    public List<Line> of(String formId) {
        // Kept only once the page renders: earlier phases ask too (is the summary rendered?), before any message.
        if (FacesContext.getCurrentInstance().getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            return collect(formId);
        }
        return byForm.computeIfAbsent(formId, this::collect);
    }

    /** The summary's heading: "There is a problem", "There are 3 problems". */
    public String heading(String formId) {
        int n = of(formId).size();
        return n == 1 ? "There is a problem" : "There are " + n + " problems";
    }

    private List<Line> collect(String formId) {
        FacesContext context = FacesContext.getCurrentInstance();
        List<Line> lines = new ArrayList<>();
        if (!context.getMessages().hasNext()) {
            return lines;
        }
        UIComponent form = context.getViewRoot().findComponent(formId);
        if (form != null) {
            form.visitTree(
                    VisitContext.createVisitContext(context, null, EnumSet.of(VisitHint.SKIP_UNRENDERED)),
                    (visit, c) -> {
                        if (c.getId() != null && c.getId().endsWith(SUMMARY_SUFFIX)) {
                            // The summary itself: whether it renders is the question being answered.
                            return VisitResult.REJECT;
                        }
                        if (c instanceof EditableValueHolder) {
                            String clientId = c.getClientId(context);
                            String target = c instanceof AutoComplete ? clientId + "_input" : clientId;
                            Object label = c.getAttributes().get("label");
                            for (FacesMessage m : context.getMessageList(clientId)) {
                                if (isError(m)) {
                                    lines.add(new Line(label == null ? null : label.toString(), text(m), target));
                                }
                            }
                        }
                        return VisitResult.ACCEPT;
                    });
        }
        for (FacesMessage m : context.getMessageList(null)) {
            if (isError(m)) {
                lines.add(new Line(null, text(m), null));
            }
        }
        return lines;
    }

    private static boolean isError(FacesMessage m) {
        return m.getSeverity().getOrdinal() >= FacesMessage.SEVERITY_ERROR.getOrdinal();
    }

    private static String text(FacesMessage m) {
        return m.getDetail() == null || m.getDetail().isBlank() ? m.getSummary() : m.getDetail();
    }
}
