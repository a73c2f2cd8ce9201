package org.parley.site;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.junit.jupiter.api.Test;

/**
 * Asking and answering lock the site row to take the next post number. An eagerly joined collection on Site makes
 * Hibernate lock it on PostgreSQL after reading it (follow-on locking), so two servers took the same number: the
 * fail-over cluster test saw asks answered 500 on the unique post number. Every eager collection of Site must be read
 * by a select of its own.
 */
class SiteLockTest {

    @Test
    void noCollectionOfSiteIsJoinedIntoTheLockingSelect() {
        List<String> joined = new ArrayList<>();
        for (Field field : Site.class.getDeclaredFields()) {
            FetchType fetch = null;
            if (field.isAnnotationPresent(ElementCollection.class)) {
                fetch = field.getAnnotation(ElementCollection.class).fetch();
            } else if (field.isAnnotationPresent(OneToMany.class)) {
                fetch = field.getAnnotation(OneToMany.class).fetch();
            } else if (field.isAnnotationPresent(ManyToMany.class)) {
                fetch = field.getAnnotation(ManyToMany.class).fetch();
            }
            Fetch mode = field.getAnnotation(Fetch.class);
            boolean ownSelect = mode != null && mode.value() != FetchMode.JOIN;
            if (fetch == FetchType.EAGER && !ownSelect) {
                joined.add(field.getName());
            }
        }
        assertTrue(joined.isEmpty(), "eager collections joined into Site's select (use @Fetch(SELECT)): " + joined);
    }
}
