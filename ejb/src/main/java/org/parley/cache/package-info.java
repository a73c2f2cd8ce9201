/**
 * The shared tier: a cache-aside API ({@link SharedCache#get}) with per-site keys, a bounded in-process L1 in front of
 * a replicated Infinispan L2 from WildFly's {@code parley} cache container, values marshalled with ProtoStream.
 *
 * <p>Invalidation is by <em>scope stamps</em> (memcached's namespace trick): every key names the scopes it depends on
 * ({@link Scope#question}, {@link Scope#lists}, ...), and the stamps of those scopes are part of the key actually
 * stored. A write replaces the stamps of the scopes it touched in the replicated L2, synchronously, after its
 * transaction committed and before the writing call returns. Every server reads stamps from its own replica of L2
 * (a local read), so from then on no server composes an old key: old entries in any server's L1 or in L2 are
 * unreachable and age out. See {@link SharedCache} for why this is used rather than asynchronous L1 invalidation by
 * the events topic.
 */
package org.parley.cache;
