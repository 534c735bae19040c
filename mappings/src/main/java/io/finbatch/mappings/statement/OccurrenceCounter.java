package io.finbatch.mappings.statement;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts how often each 64-bit key hash was seen, in about 8 to 16 bytes per distinct key: an
 * open-addressing set of longs for keys seen once, and a small map for the rare keys seen again.
 * Keeps the unique-id bookkeeping of a statement with millions of lines inside a small heap.
 */
final class OccurrenceCounter {

    private static final int INITIAL_CAPACITY = 1024;

    private long[] keys = new long[INITIAL_CAPACITY];
    private int size;
    private final Map<Long, Integer> repeats = new HashMap<>();

    /** Records one more occurrence of {@code key} and returns how many there are now (1 for the first). */
    int increment(long key) {
        long k = key == 0 ? 1 : key; // 0 marks an empty slot
        int mask = keys.length - 1;
        int slot = mix(k) & mask;
        while (keys[slot] != 0) {
            if (keys[slot] == k) {
                return repeats.merge(k, 2, (old, two) -> old + 1);
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = k;
        if (++size * 4 > keys.length * 3) {
            grow();
        }
        return 1;
    }

    void clear() {
        if (keys.length > INITIAL_CAPACITY) {
            keys = new long[INITIAL_CAPACITY];
        } else {
            java.util.Arrays.fill(keys, 0);
        }
        size = 0;
        repeats.clear();
    }

    private void grow() {
        long[] old = keys;
        keys = new long[old.length * 2];
        int mask = keys.length - 1;
        for (long k : old) {
            if (k != 0) {
                int slot = mix(k) & mask;
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = k;
            }
        }
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
