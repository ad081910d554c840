package dev.sockit.bench;

/** Hears a benchmark run as it goes: called on the thread that runs {@link BenchClient#run}, in order. */
public interface BenchListener {
    /** The connections are open and traffic starts now. */
    void start(BenchStart start);

    /** One interval report. */
    void interval(Interval interval);

    /** The run finished. */
    void end(BenchResult result);
}
