package org.parley.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitHint;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.PartialViewContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts the domain rules' messages next to the fields they are about. A rule names a field ({@code title},
 * {@code body}, {@code tags}, ...); the form's input for it is the one whose id ends in {@code -} and that name
 * ({@code ask-title}, {@code answer-body}, {@code register-username}), among the inputs the request submitted. That
 * input gets the message (it is not marked invalid: the rule ran after the model was updated, and an invalid input
 * would render empty instead of what was typed; forms.js sets {@code aria-invalid}); its message element is the {@code h:message} whose id is the input's
 * plus {@code -error}, and the form's summary is the element with the form's id plus {@code -errors} (see
 * {@code WEB-INF/includes/form-errors.xhtml}). A message that names no field, or a field no submitted input matches
 * or whose input has no message element, is for the whole form (its summary, or the layout's toast). In an ajax request the message elements and summaries of the submitted forms are added to
 * what is rendered, so that messages appear, and old ones go, whatever the button updates.
 */
final class FieldMessages {

    /** One problem: the field it names (or null) and the message for the user. */
    record Problem(String field, String message) {}

    /** An input the request submitted, as seen while visiting it (its client id includes any row index). */
    private record Input(String id, String clientId, String formClientId) {}

    private static final Set<VisitHint> HINTS = EnumSet.of(VisitHint.SKIP_UNRENDERED);

    private FieldMessages() {}

    static void show(FacesContext context, List<Problem> problems) {
        List<Input> inputs = submittedInputs(context);
        for (Problem problem : problems) {
            Input input = problem.field() == null ? null : match(inputs, problem.field());
            FacesMessage message = new FacesMessage(FacesMessage.SEVERITY_ERROR, problem.message(), problem.message());
            // A form without a message element for that input (not converted yet) shows it as the form's message.
            if (input == null || !exists(context, input.clientId() + "-error")) {
                context.addMessage(null, message);
            } else {
                context.addMessage(input.clientId(), message);
            }
        }
        PartialViewContext partial = context.getPartialViewContext();
        if (partial.isAjaxRequest() && !partial.isRenderAll()) {
            Collection<String> render = partial.getRenderIds();
            Set<String> more = new LinkedHashSet<>();
            for (Input input : inputs) {
                more.add(input.clientId() + "-error");
                if (input.formClientId() != null) {
                    more.add(input.formClientId() + "-errors");
                }
            }
            for (String id : more) {
                if (!render.contains(id) && exists(context, id)) {
                    render.add(id);
                }
            }
        }
    }

    private static Input match(List<Input> inputs, String field) {
        for (Input input : inputs) {
            if (input.id().endsWith("-" + field)) {
                return input;
            }
        }
        return null;
    }

    /** The inputs of the submitted form (full request) or of what the ajax request executed. */
    private static List<Input> submittedInputs(FacesContext context) {
        List<Input> found = new ArrayList<>();
        PartialViewContext partial = context.getPartialViewContext();
        if (partial.isAjaxRequest() && !partial.isExecuteAll()) {
            Collection<String> executed = partial.getExecuteIds();
            context.getViewRoot()
                    .visitTree(VisitContext.createVisitContext(context, executed, HINTS), (visit, component) -> {
                        collect(context, component, found);
                        return VisitResult.REJECT;
                    });
        } else {
            context.getViewRoot().visitTree(VisitContext.createVisitContext(context, null, HINTS), (visit, c) -> {
                if (c instanceof UIForm form && !form.isSubmitted()) {
                    return VisitResult.REJECT;
                }
                if (c instanceof EditableValueHolder) {
                    found.add(new Input(c.getId(), c.getClientId(context), formClientId(context, c)));
                }
                return VisitResult.ACCEPT;
            });
        }
        return found;
    }

    /** Every input in {@code root}'s subtree, {@code root} included, visited so that rows are set. */
    private static void collect(FacesContext context, UIComponent root, List<Input> found) {
        root.visitTree(VisitContext.createVisitContext(context, null, HINTS), (visit, c) -> {
            if (c instanceof EditableValueHolder) {
                found.add(new Input(c.getId(), c.getClientId(context), formClientId(context, c)));
            }
            return VisitResult.ACCEPT;
        });
    }

    private static String formClientId(FacesContext context, UIComponent component) {
        for (UIComponent c = component.getParent(); c != null; c = c.getParent()) {
            if (c instanceof UIForm) {
                return c.getClientId(context);
            }
        }
        return null;
    }

    private static boolean exists(FacesContext context, String clientId) {
        return context.getViewRoot().invokeOnComponent(context, clientId, (ctx, component) -> {});
    }
}
