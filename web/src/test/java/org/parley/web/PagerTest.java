package org.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.common.Page;

class PagerTest {

    private static Pager pager(int page, long total) {
        return Pager.of(new Page<>(List.of(), page, 10, total), n -> "/q?page=" + n);
    }

    @Test
    void showsFirstLastAndTwoEitherSideWithGaps() {
        Pager p = pager(10, 200);
        List<String> labels = p.getItems().stream()
                .map(i -> i.gap() ? "…" : i.current() ? "[" + i.number() + "]" : "" + i.number())
                .toList();
        assertEquals(List.of("1", "…", "8", "9", "[10]", "11", "12", "…", "20"), labels);
        assertEquals("/q?page=9", p.getPrevious());
        assertEquals("/q?page=11", p.getNext());
    }

    @Test
    void firstAndLastPagesHaveNoPreviousOrNext() {
        assertNull(pager(1, 30).getPrevious());
        assertNull(pager(3, 30).getNext());
    }

    @Test
    void oneOrNoPageNeedsNoPager() {
        assertFalse(pager(1, 5).isUseful());
        assertFalse(pager(1, 0).isUseful());
    }
}
