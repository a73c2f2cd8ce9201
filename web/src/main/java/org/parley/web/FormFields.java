package org.parley.web;

import jakarta.faces.component.UIComponent;
import java.util.function.Supplier;

/**
 * Hidden fields that every Faces form gets when its view is built ({@link CspNonceField}, the form token of {@code
 * org.parley.user.security.FormTokens}): added once per form, transient, so never saved with a view's state.
 */
public final class FormFields {

    private FormFields() {}

    /** Adds the field {@code make} makes to {@code form} unless it already has a child of class {@code type}. */
    public static void addOnce(UIComponent form, Class<? extends UIComponent> type, Supplier<UIComponent> make) {
        for (UIComponent child : form.getChildren()) {
            if (type.isInstance(child)) {
                return;
            }
        }
        UIComponent field = make.get();
        field.setTransient(true);
        form.getChildren().add(field);
    }
}
