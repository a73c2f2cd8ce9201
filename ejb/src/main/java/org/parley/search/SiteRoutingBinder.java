package org.parley.search;

import org.hibernate.search.mapper.pojo.bridge.RoutingBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.RoutingBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.RoutingBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.RoutingBridgeRouteContext;
import org.hibernate.search.mapper.pojo.route.DocumentRoutes;
import org.parley.post.Post;

/**
 * Routes every post's document by its site's id: on OpenSearch a site's queries then read one shard, and a site's
 * documents can be purged alone ({@link PostIndex#rebuild}). Queries still filter on {@code site} as well, so a
 * site's search never shows another's posts whatever the backend does with routing keys. A post never changes site.
 *
 * <p>A deleted post is not indexed: when it is deleted its document is removed (the previous route), and an answer of
 * a deleted question goes with it when {@link PostIndexer} rewrites the question's answers.
 */
public class SiteRoutingBinder implements RoutingBinder {

    @Override
    public void bind(RoutingBindingContext context) {
        context.dependencies().use("site").use("deletedAt");
        context.bridge(Post.class, new Bridge());
    }

    /** The routing key of a site's documents. */
    public static String key(long siteId) {
        return Long.toString(siteId);
    }

    private static final class Bridge implements RoutingBridge<Post> {

        @Override
        public void route(
                DocumentRoutes routes, Object entityIdentifier, Post post, RoutingBridgeRouteContext context) {
            if (gone(post)) {
                routes.notIndexed(); // a deleted post, or an answer of a deleted question, leaves the index
                return;
            }
            routes.addRoute().routingKey(key(post.getSite().getId()));
        }

        @Override
        public void previousRoutes(
                DocumentRoutes routes, Object entityIdentifier, Post post, RoutingBridgeRouteContext context) {
            routes.addRoute().routingKey(key(post.getSite().getId()));
        }
    }

    /** Whether a post stays out of the index: deleted, or an answer of a deleted question. */
    static boolean gone(Post post) {
        return post.isDeleted() || post.questionShownOn().isDeleted();
    }
}
