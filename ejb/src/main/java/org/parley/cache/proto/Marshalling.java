package org.parley.cache.proto;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.infinispan.protostream.ImmutableSerializationContext;
import org.infinispan.protostream.ProtobufUtil;
import org.infinispan.protostream.SerializationContext;

/**
 * Turns cached values into bytes and back with ProtoStream, never Java serialisation. Values are written as
 * ProtoStream's WrappedMessage, which names the type, so strings, byte arrays and Parley's DTOs share one format.
 */
public final class Marshalling {

    private static final ImmutableSerializationContext CONTEXT = newContext();

    private Marshalling() {}

    private static ImmutableSerializationContext newContext() {
        SerializationContext context = ProtobufUtil.newSerializationContext();
        new ParleyCacheSchemaImpl().register(context);
        return context;
    }

    /** The bytes of {@code value}. */
    public static byte[] toBytes(Object value) {
        try {
            return ProtobufUtil.toWrappedByteArray(CONTEXT, value);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot marshal a " + value.getClass().getName(), e);
        }
    }

    /** The value {@link #toBytes} wrote. */
    public static Object fromBytes(byte[] bytes) {
        try {
            return ProtobufUtil.fromWrappedByteArray(CONTEXT, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unmarshal " + bytes.length + " bytes", e);
        }
    }

    /** The schema text, for people and tests. */
    public static String schema() {
        return new ParleyCacheSchemaImpl().getProtoFile();
    }
}
