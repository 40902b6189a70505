package io.github.mlp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** backends lists what is installed; --verify checks each available backend against the reference here. */
class BackendsCommandTest {

    @Test
    void listsAndVerifies() {
        CliRun r = CliRun.of("backends", "--verify");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("vector       yes             20  Vector API"), r.out());
        assertTrue(r.out().contains("default: vector"), r.out());
        assertTrue(r.out().contains("vector against reference"), r.out());
        // Every operation listed, with a small difference (the reference against itself: exactly 0).
        long ops = r.out().lines().filter(l -> l.startsWith("  ")).count();
        assertEquals(2 * 35, ops, r.out());
        r.out().lines().filter(l -> l.startsWith("  ")).forEach(l -> {
            double error = Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1));
            assertTrue(error < 1e-3, l);
        });
    }
}
