package org.parley.infrastructure.transport.bosh;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RidWindowTest {

    @Test
    void inOrderAndEarlyRequests() {
        RidWindow<String> w = new RidWindow<>(100, 2);
        assertTrue(w.acceptable(100));
        w.add(100, "a");
        assertEquals("a", w.next());
        assertNull(w.next());
        assertTrue(w.seen(100));
        assertTrue(w.acceptable(102));
        assertFalse(w.acceptable(103), "beyond the window");
        w.add(102, "c");
        assertNull(w.next(), "101 is missing");
        assertEquals(1, w.waitingCount());
        w.add(101, "b");
        assertEquals("b", w.next());
        assertEquals("c", w.next());
        assertEquals(102, w.last());
    }

    @Test
    void skipGapAndDrain() {
        RidWindow<String> w = new RidWindow<>(1, 3);
        w.add(3, "c");
        w.add(4, "d");
        w.skipGap();
        assertEquals("c", w.next());
        assertEquals("d", w.next());
        w.add(6, "f");
        assertEquals(List.of("f"), w.drain());
        assertEquals(0, w.waitingCount());
    }

    @Test
    void keepsTheLastResponses() {
        RidWindow<String> w = new RidWindow<>(1, 2);
        w.remember(1, "one", 0);
        w.remember(2, "two", 0);
        w.remember(3, "three", 0);
        assertNull(w.response(1));
        assertEquals("two", w.response(2));
        assertEquals("three", w.response(3));
    }

    @Test
    void keepsMoreForClientsThatAcknowledgeUntilTheyDo() {
        RidWindow<String> w = new RidWindow<>(1, 2, 4);
        for (int rid = 1; rid <= 5; rid++) {
            w.remember(rid, "r" + rid, 0);
        }
        assertNull(w.response(1));
        assertEquals("r2", w.response(2));
        assertNotNull(w.sentAt(2));
        w.acknowledged(3);
        assertNull(w.response(2));
        assertNull(w.response(3));
        assertEquals("r4", w.response(4));
        assertEquals("r5", w.response(5));
    }
}
