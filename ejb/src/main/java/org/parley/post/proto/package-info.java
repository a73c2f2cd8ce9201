/**
 * The post feature's records on the shared tier's wire: ProtoStream adapters (so the records stay free of marshalling
 * annotations) and their schema. Field numbers are the wire format: add fields with new numbers, never renumber.
 */
package org.parley.post.proto;
