package io.sessiongate.core.report;

import java.io.IOException;

/** Where a streamed report's rows go, one at a time: written out, never kept. */
@FunctionalInterface
public interface RowSink<R> {
    void accept(R row) throws IOException;
}
