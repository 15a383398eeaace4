package io.consort.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a journey's time goes: a {@link Narrator} that records how long each step of each partner took
 * (steps are told apart by thread, one partner per thread) and, through {@link Await#observer}, how long each
 * wait for an event's effect lasted and how many looks it took. The demo data prints them to its log, so a slow
 * load says which step, and which awaited event, it spent its time on.
 */
final class Timings implements Narrator {

    private record Mark(String title, long startedNanos) {
    }

    private final Map<Thread, Mark> current = new ConcurrentHashMap<>();
    private final Map<Thread, List<String>> lines = new ConcurrentHashMap<>();

    @Override
    public void step(String title) {
        long now = System.nanoTime();
        Thread t = Thread.currentThread();
        close(t, now);
        current.put(t, new Mark(title, now));
    }

    @Override
    public void call(Api.Call call) {
    }

    @Override
    public void changed(String what) {
    }

    /** A wait of {@link Await#until} ended (seen or given up). */
    void waited(String what, long nanos, int looks) {
        lines.computeIfAbsent(Thread.currentThread(), k -> new ArrayList<>())
                .add(String.format("    waited %5.2f s (%d looks) for %s", nanos / 1e9, looks, what));
    }

    /** This thread's steps and waits so far, one a line, and forgets them. */
    String drain() {
        Thread t = Thread.currentThread();
        close(t, System.nanoTime());
        List<String> mine = lines.remove(t);
        return mine == null ? "" : String.join("\n", mine);
    }

    private void close(Thread t, long now) {
        Mark m = current.remove(t);
        if (m != null) {
            lines.computeIfAbsent(t, k -> new ArrayList<>())
                    .add(String.format("  %5.2f s  %s", (now - m.startedNanos()) / 1e9, m.title()));
        }
    }
}
