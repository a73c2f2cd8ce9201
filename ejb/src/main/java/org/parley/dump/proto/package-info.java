/** Imported posts' licences on the shared tier's wire (ProtoStream adapters); field numbers are the format: never renumber. */
package org.parley.dump.proto;
