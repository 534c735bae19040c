package io.finbatch.writers.extract;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The extract's read-ahead: the delegate's items in its order, its failure where it happened, a clean stop. */
class ReadAheadItemReaderTests {

    /** Counts up to {@code count}, failing at {@code failAt} if positive; notes whether it was closed. */
    private static final class Numbers implements ItemStreamReader<Integer> {
        final int count;
        final int failAt;
        final AtomicInteger read = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();

        Numbers(int count, int failAt) {
            this.count = count;
            this.failAt = failAt;
        }

        @Override
        public Integer read() {
            int next = read.incrementAndGet();
            if (next == failAt) {
                throw new IllegalStateException("row " + next + " is bad");
            }
            return next <= count ? next : null;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void everyItemInOrderAcrossBatchesThenNullForGood() throws Exception {
        for (int count : new int[] {0, 1, 6, 7, 1000}) {
            Numbers numbers = new Numbers(count, -1);
            ReadAheadItemReader<Integer> reader = new ReadAheadItemReader<>(numbers, 7, "test");
            reader.open(new ExecutionContext());
            List<Integer> items = new ArrayList<>();
            Integer item;
            while ((item = reader.read()) != null) {
                items.add(item);
            }
            assertThat(reader.read()).isNull();
            reader.close();
            assertThat(items).hasSize(count);
            for (int i = 0; i < count; i++) {
                assertThat(items.get(i)).isEqualTo(i + 1);
            }
            assertThat(numbers.closed).isTrue();
        }
    }

    @Test
    void theDelegatesFailureComesAfterTheItemsBeforeIt() throws Exception {
        ReadAheadItemReader<Integer> reader = new ReadAheadItemReader<>(new Numbers(100, 23), 5, "test");
        reader.open(new ExecutionContext());
        for (int i = 1; i < 23; i++) {
            assertThat(reader.read()).isEqualTo(i);
        }
        assertThatThrownBy(reader::read).isInstanceOf(IllegalStateException.class).hasMessage("row 23 is bad");
        reader.close();
    }

    @Test
    void closingEarlyStopsReadingBeforeTheDelegateCloses() throws Exception {
        Numbers numbers = new Numbers(Integer.MAX_VALUE - 1, -1);
        ReadAheadItemReader<Integer> reader = new ReadAheadItemReader<>(numbers, 10, "test");
        reader.open(new ExecutionContext());
        assertThat(reader.read()).isEqualTo(1);
        reader.close();
        int readWhenClosed = numbers.read.get();
        assertThat(numbers.closed).isTrue();
        assertThat(readWhenClosed).isLessThan(1000); // a few batches ahead at most, then it stopped
        Thread.sleep(100);
        assertThat(numbers.read.get()).isEqualTo(readWhenClosed);
    }
}
