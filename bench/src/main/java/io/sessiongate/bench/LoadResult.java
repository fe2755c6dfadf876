package io.sessiongate.bench;

/**
 * One measured run: what a load of {@code connections} concurrent callers achieved.
 *
 * @param errors replies that were not the expected success, plus socket errors
 */
record LoadResult(String what, int connections, long requests, double seconds, long errors, double p50Millis,
                  double p99Millis, double p999Millis) {

    double perSecond() {
        return seconds <= 0 ? 0 : requests / seconds;
    }
}
