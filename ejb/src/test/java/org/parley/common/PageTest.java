package org.parley.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void totalPagesRoundsUp() {
        assertEquals(0, Page.empty(1, 10).totalPages());
        assertEquals(1, new Page<>(List.of(1), 1, 10, 10).totalPages());
        assertEquals(2, new Page<>(List.of(1), 1, 10, 11).totalPages());
    }

    @Test
    void previousAndNext() {
        Page<Integer> middle = new Page<>(List.of(1), 2, 10, 25);
        assertTrue(middle.hasPrevious());
        assertTrue(middle.hasNext());
        Page<Integer> last = new Page<>(List.of(1), 3, 10, 25);
        assertFalse(last.hasNext());
        assertFalse(Page.empty(1, 10).hasPrevious());
    }

    @Test
    void itemsAreCopiedAndArgumentsChecked() {
        List<Integer> items = new java.util.ArrayList<>(List.of(1, 2));
        Page<Integer> page = new Page<>(items, 1, 10, 2);
        items.add(3);
        assertEquals(List.of(1, 2), page.items());
        assertThrows(IllegalArgumentException.class, () -> new Page<>(List.of(), 0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new Page<>(List.of(), 1, 0, 0));
    }

    @Test
    void pagingBringsUrlValuesIntoRange() {
        assertEquals(1, Paging.page(-3));
        assertEquals(7, Paging.page(7));
        assertEquals(1, Paging.pageSize(0));
        assertEquals(Paging.MAX_PAGE_SIZE, Paging.pageSize(10_000));
        assertEquals(20, Page.firstResult(3, 10));
    }
}
