package org.parley.web;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.LambdaExpression;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Method calls in EL ({@code #{a.number()}}, {@code #{viewer.owns(a.owner())}}) with the method looked up once per class,
 * name and number of arguments, instead of on every call. EL's own {@code BeanELResolver.invoke} asks {@code
 * Class.getMethods()} on each call, which copies every public method of the class; a logged-in question page makes
 * thousands of such calls (records' accessors, the views' helpers), and the copies were half of its CPU (JFR,
 * docs/benchmarks.md).
 *
 * <p>Only the plain case is answered here: exactly one public method of that name and arity, not variable-arity, on a
 * public class or reachable through a public supertype, and no lambda among the arguments, on an object that is not a
 * collection, map or array. Anything else (overloads, varargs, lambdas, a missing method) is left to the resolvers after this one, which resolve it as before. Arguments
 * are coerced to the parameter types by the EL context, and a method's exception comes out wrapped in an {@link
 * ELException} with the method's exception as its cause, as from {@code BeanELResolver}.
 */
public class CachedMethodResolver extends ELResolver {

    /** Per class: "name/arity" → the method to call, or empty when this resolver leaves such calls to the others. */
    private static final ClassValue<Map<String, Optional<Method>>> METHODS = new ClassValue<>() {
        @Override
        protected Map<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null || method == null || standard(base)) {
            return null;
        }
        Object[] args = params == null ? new Object[0] : params;
        for (Object arg : args) {
            if (arg instanceof LambdaExpression) {
                return null;
            }
        }
        String name = method.toString();
        Class<?> type = base.getClass();
        Optional<Method> found =
                METHODS.get(type).computeIfAbsent(name + "/" + args.length, key -> find(type, name, args.length));
        if (found.isEmpty()) {
            return null;
        }
        Method m = found.get();
        Class<?>[] types = m.getParameterTypes();
        Object[] coerced = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            coerced[i] = context.convertToType(args[i], types[i]);
        }
        Object result;
        try {
            result = m.invoke(base, coerced);
        } catch (InvocationTargetException e) {
            throw new ELException(e.getCause());
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new ELException(e);
        }
        context.setPropertyResolved(base, method);
        return result;
    }

    /**
     * Collections, maps and arrays are left to EL's own resolvers: {@code #{list.stream()}} is EL's stream there, not
     * Java's, and they are not what pages call methods on.
     */
    private static boolean standard(Object base) {
        return base instanceof java.util.Collection<?>
                || base instanceof Map<?, ?>
                || base.getClass().isArray();
    }

    /** The one public, fixed-arity method {@code name} of {@code type} taking {@code arity} arguments, callable. */
    static Optional<Method> find(Class<?> type, String name, int arity) {
        Method only = null;
        for (Method m : type.getMethods()) {
            if (!m.getName().equals(name) || m.getParameterCount() != arity || m.isBridge()) {
                continue;
            }
            if (m.isVarArgs() || (only != null && !sameSignature(only, m))) {
                return Optional.empty();
            }
            if (only == null) {
                only = m;
            }
        }
        return only == null ? Optional.empty() : Optional.ofNullable(callable(type, only));
    }

    private static boolean sameSignature(Method a, Method b) {
        return java.util.Arrays.equals(a.getParameterTypes(), b.getParameterTypes());
    }

    /**
     * {@code m} where its declaring class is public, else the same method of a public superclass or interface (a
     * record or class that is not public itself may implement a public one); null when there is none.
     */
    private static Method callable(Class<?> type, Method m) {
        if (Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
            return m;
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Method found = publicIn(c, m);
            if (found != null) {
                return found;
            }
            for (Class<?> i : c.getInterfaces()) {
                found = publicIn(i, m);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Method publicIn(Class<?> c, Method m) {
        if (!Modifier.isPublic(c.getModifiers())) {
            return null;
        }
        try {
            return c.getMethod(m.getName(), m.getParameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {}

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base == null ? null : Object.class;
    }
}
