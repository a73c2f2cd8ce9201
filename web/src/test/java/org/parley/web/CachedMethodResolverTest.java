package org.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.VariableMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachedMethodResolverTest {

    public record Post(long number, String title) {
        public String label(long answers) {
            return title + " (" + answers + ")";
        }

        public String over(int n) {
            return "int";
        }

        public String over(String s) {
            return "string";
        }

        public String many(String... parts) {
            return String.join(",", parts);
        }

        public String fail() {
            throw new IllegalStateException("refused");
        }
    }

    public interface Named {
        String name();
    }

    /** Not public itself: its methods are called through the public interface it implements. */
    record Hidden(String name) implements Named {}

    /** Not public, nothing public to call it through. */
    record Unreachable(String name) {}

    /** Records the coercions asked for, converting numbers as EL would. */
    static final class Context extends ELContext {
        final List<Class<?>> coercedTo = new ArrayList<>();

        @Override
        public <T> T convertToType(Object value, Class<T> type) {
            coercedTo.add(type);
            if (type == long.class && value instanceof Number n) {
                @SuppressWarnings("unchecked")
                T t = (T) Long.valueOf(n.longValue());
                return t;
            }
            return type.isPrimitive() ? null : type.cast(value);
        }

        @Override
        public ELResolver getELResolver() {
            return null;
        }

        @Override
        public FunctionMapper getFunctionMapper() {
            return null;
        }

        @Override
        public VariableMapper getVariableMapper() {
            return null;
        }
    }

    private final CachedMethodResolver resolver = new CachedMethodResolver();

    @Test
    void callsARecordsAccessorAndMethodsWithCoercedArguments() {
        Post post = new Post(7, "Brakes");
        Context context = new Context();
        assertEquals(7L, resolver.invoke(context, post, "number", null, new Object[0]));
        assertTrue(context.isPropertyResolved());
        Context other = new Context();
        assertEquals("Brakes (3)", resolver.invoke(other, post, "label", null, new Object[] {3}));
        assertEquals(List.of(long.class), other.coercedTo, "the argument is coerced to the parameter's type");
    }

    @Test
    void leavesOverloadsVarargsUnknownMethodsAndCollectionsToTheOtherResolvers() {
        Post post = new Post(1, "t");
        for (Object[] call : new Object[][] {
            {post, "over", new Object[] {1}},
            {post, "many", new Object[] {"a"}},
            {post, "nothing", new Object[0]},
            {post, "number", new Object[] {1}},
            {new ArrayList<>(List.of(1)), "stream", new Object[0]},
            {new Unreachable("x"), "name", new Object[0]}
        }) {
            Context context = new Context();
            assertNull(resolver.invoke(context, call[0], call[1], null, (Object[]) call[2]), call[1].toString());
            assertFalse(context.isPropertyResolved(), call[1] + " is left to the next resolver");
        }
    }

    @Test
    void callsAMethodOfANonPublicClassThroughItsPublicInterface() {
        Context context = new Context();
        assertEquals("hidden", resolver.invoke(context, new Hidden("hidden"), "name", null, new Object[0]));
        assertTrue(context.isPropertyResolved());
    }

    @Test
    void aMethodsExceptionComesOutAsTheCauseOfAnElException() {
        ELException e = assertThrows(
                ELException.class, () -> resolver.invoke(new Context(), new Post(1, "t"), "fail", null, null));
        assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
        assertEquals("refused", e.getCause().getMessage());
    }
}
