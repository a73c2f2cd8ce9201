package org.parley.cache.proto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
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
        List<CacheSchema> schemas = schemas();
        // Every file first, so that a schema's imports (post's of user's UserRef) resolve whatever the order.
        schemas.forEach(schema -> schema.registerSchema(context));
        schemas.forEach(schema -> schema.registerMarshallers(context));
        return context;
    }

    private static List<CacheSchema> schemas() {
        List<CacheSchema> schemas = new ArrayList<>();
        ServiceLoader.load(CacheSchema.class, Marshalling.class.getClassLoader())
                .forEach(schemas::add);
        if (schemas.isEmpty()) {
            throw new IllegalStateException("No " + CacheSchema.class.getName() + " services on the class path");
        }
        return List.copyOf(schemas);
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

    /** The text of every schema, for people and tests. */
    public static String schema() {
        StringBuilder text = new StringBuilder();
        schemas().forEach(schema -> text.append(schema.getProtoFile()).append('\n'));
        return text.toString();
    }
}
