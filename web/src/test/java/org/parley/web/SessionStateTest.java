package org.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Sessions are distributable (web.xml): a session's state travels to other servers, so every bean the session holds
 * ({@code @SessionScoped}, and {@code @ViewScoped} through Faces' view state) must be Serializable, and so must the
 * type of each field it keeps (injected proxies excepted; the container makes those serializable). A field holding
 * an unserializable record only fails on a running cluster, the first time the session is replicated.
 */
class SessionStateTest {

    @Test
    void sessionHeldBeansAndTheirFieldsAreSerializable() throws Exception {
        List<Class<?>> beans = sessionHeldBeans();
        assertTrue(beans.size() >= 5, "found the view and session beans: " + beans);
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    int m = f.getModifiers();
                    if (Modifier.isStatic(m) || Modifier.isTransient(m) || injected(f)) {
                        continue;
                    }
                    for (Class<?> type : types(f.getGenericType())) {
                        if (!type.isPrimitive()
                                && !type.isInterface()
                                && !type.isEnum()
                                && !Serializable.class.isAssignableFrom(type)) {
                            problems.add(bean.getSimpleName() + "." + f.getName() + " holds " + type.getName());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems, "session state that cannot be replicated");
    }

    private static boolean injected(Field f) {
        return f.isAnnotationPresent(Inject.class) || f.isAnnotationPresent(EJB.class);
    }

    /** The field's class and its type arguments (List<QuestionSummary> gives List and QuestionSummary). */
    private static List<Class<?>> types(Type type) {
        List<Class<?>> out = new ArrayList<>();
        if (type instanceof Class<?> c) {
            out.add(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType p) {
            out.addAll(types(p.getRawType()));
            for (Type arg : p.getActualTypeArguments()) {
                out.addAll(types(arg));
            }
        }
        return out;
    }

    private static List<Class<?>> sessionHeldBeans() throws URISyntaxException, Exception {
        Path classes = Path.of(
                Pager.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> beans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
                String name = classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.contains("$")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, SessionStateTest.class.getClassLoader());
                if (c.isAnnotationPresent(ViewScoped.class) || c.isAnnotationPresent(SessionScoped.class)) {
                    beans.add(c);
                }
            }
        }
        return beans;
    }
}
