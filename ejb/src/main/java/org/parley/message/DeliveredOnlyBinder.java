package org.parley.message;

import org.hibernate.search.mapper.pojo.bridge.RoutingBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.RoutingBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.RoutingBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.RoutingBridgeRouteContext;
import org.hibernate.search.mapper.pojo.route.DocumentRoutes;

/**
 * Conditional indexing of private messages: only {@link PrivateMessage#isSearchable() delivered} ones are in the
 * index. A pending or failed message has no document; a message that leaves the delivered state (none does today)
 * would be removed. Hibernate Search re-evaluates this whenever {@code state} changes.
 */
public class DeliveredOnlyBinder implements RoutingBinder {

    @Override
    public void bind(RoutingBindingContext context) {
        context.dependencies().use("state");
        context.bridge(PrivateMessage.class, new Bridge());
    }

    private static final class Bridge implements RoutingBridge<PrivateMessage> {

        @Override
        public void route(
                DocumentRoutes routes,
                Object entityIdentifier,
                PrivateMessage message,
                RoutingBridgeRouteContext context) {
            if (message.isSearchable()) {
                routes.addRoute();
            } else {
                routes.notIndexed();
            }
        }

        @Override
        public void previousRoutes(
                DocumentRoutes routes,
                Object entityIdentifier,
                PrivateMessage message,
                RoutingBridgeRouteContext context) {
            // One index, no custom routing keys: wherever it was, it was under its id on the default route.
            routes.addRoute();
        }
    }
}
