/**
 * Private user-to-user messages: conversations, inbox and sent folders, blocks and sending limits, and their delivery
 * as a background job on Artemis (pending → delivered, idempotent by message id).
 */
package org.parley.message;
