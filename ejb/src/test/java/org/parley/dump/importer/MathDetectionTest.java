package org.parley.dump.importer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When an import switches math rendering on for the new site. */
class MathDetectionTest {

    @Test
    void aSteadyShareOfPostsWithTexSwitchesMathOn() {
        assertTrue(ImportSteps.usesMath(4, 4), "every post, as on a quantum computing site");
        assertTrue(ImportSteps.usesMath(250, 5_000), "1 in 20");
    }

    @Test
    void aFewPostsWithTexDoNot() {
        assertFalse(ImportSteps.usesMath(2, 2), "fewer than 3 posts is a quote or a joke");
        assertFalse(ImportSteps.usesMath(249, 5_000), "under 1 in 20");
        assertFalse(ImportSteps.usesMath(0, 0));
    }
}
