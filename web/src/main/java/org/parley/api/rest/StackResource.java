package org.parley.api.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.parley.api.StackPage;
import org.parley.api.StackQuery;
import org.parley.api.StackSort;

/**
 * What the API's resource classes share: {@link StackCalls} for the quota, wrapper and errors, a list method in one
 * line ({@link #list}), error 404 no_method for any other path, and for every POST (writes are a later step of issue
 * 21).
 */
public abstract class StackResource {

    @Inject
    StackCalls calls;

    @Context
    UriInfo uri;

    /** Reads one page of a method's rows for the call and its checked query. */
    interface Read<T> extends BiFunction<StackCalls.Call, StackQuery, StackPage<T>> {}

    /** A list method: checks the parameters against {@code sorts}, reads the page and answers it as JSON. */
    <T> Response list(Set<StackSort> sorts, StackSort defaultSort, Read<T> read, StackCalls.Json<T> json) {
        return answer(call -> {
            StackQuery q = call.query(sorts, defaultSort);
            return call.page(read.apply(call, q), q, json);
        });
    }

    Response answer(Function<StackCalls.Call, StackCalls.Listing> method) {
        return calls.answer(uri, method);
    }

    Response noMethod() {
        return calls.noMethod(uri);
    }

    /** Writes are a later step of issue 21: every POST is error 404 no_method for now. */
    @POST
    @Path("{method: .*}")
    public Response unknownWrite() {
        return noMethod();
    }
}
