package dev.storytracker.publish;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;

/**
 * Walks a query in keyset batches: each batch starts after the last row of the previous one, so a long walk holds one
 * batch in memory and never an open cursor. {@link #peek()} lets a writer take the rows that belong to the page it is
 * writing and leave the next page's rows in place.
 */
final class Keyset<T> implements Iterator<T> {

    private final BiFunction<T, Integer, List<T>> next;
    private final int batch;
    private List<T> rows;
    private int position;
    private T last;

    /** {@code next} answers the at most {@code batch} rows after the given row (null: the first ones). */
    Keyset(int batch, BiFunction<T, Integer, List<T>> next) {
        this.batch = batch;
        this.next = next;
    }

    @Override
    public boolean hasNext() {
        if (rows == null || (position == rows.size() && rows.size() == batch)) {
            rows = next.apply(last, batch);
            position = 0;
        }
        return position < rows.size();
    }

    T peek() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return rows.get(position);
    }

    @Override
    public T next() {
        T row = peek();
        position++;
        last = row;
        return row;
    }
}
