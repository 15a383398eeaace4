package io.consort.journey;

import java.io.PrintStream;

/** Tells what the journey does: each step, each call it made, and what changed. */
public interface Narrator {

    void step(String title);

    void call(Api.Call call);

    void changed(String what);

    /** Says nothing: for tests and the demo data, which only need the journey done. */
    Narrator SILENT = new Narrator() {
        @Override
        public void step(String title) {
        }

        @Override
        public void call(Api.Call call) {
        }

        @Override
        public void changed(String what) {
        }
    };

    /** Prints to a terminal: steps numbered, calls indented, changes marked. */
    static Narrator printingTo(PrintStream out) {
        return writingTo(out::print);
    }

    /** Keeps the same text, e.g. for a test to show how far the journey came when it stopped. */
    static Narrator recordingTo(StringBuilder transcript) {
        return writingTo(transcript::append);
    }

    private static Narrator writingTo(java.util.function.Consumer<String> out) {
        return new Narrator() {
            private int steps;

            @Override
            public void step(String title) {
                out.accept(String.format("%n%2d. %s%n", ++steps, title));
            }

            @Override
            public void call(Api.Call call) {
                out.accept(String.format("      %-6s %-70s %d%n", call.method(), call.path(), call.status()));
            }

            @Override
            public void changed(String what) {
                out.accept(String.format("      => %s%n", what));
            }
        };
    }
}
