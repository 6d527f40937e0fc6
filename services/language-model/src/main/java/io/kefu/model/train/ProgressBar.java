package io.kefu.model.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line console progress bar that redraws in place: bar, step/total, loss, tokens/s, ETA.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final String label;
    private int total;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long lastDrawNanos;
    private boolean drawn;
    private long tokens;

    /**
     * Creates a bar.
     *
     * @param out where to draw, usually {@code System.err}
     * @param label text before the bar
     * @param total steps in all
     * @param nanoClock monotonic clock in nanoseconds
     */
    public ProgressBar(PrintStream out, String label, int total, LongSupplier nanoClock) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    /**
     * Creates a bar on standard error with the system clock.
     *
     * @param label text before the bar
     * @param total steps in all
     * @return the bar
     */
    public static ProgressBar onStandardError(String label, int total) {
        return new ProgressBar(System.err, label, total, System::nanoTime);
    }

    /**
     * Changes the total, when training learns it will stop earlier.
     *
     * @param newTotal the new total
     */
    public void retarget(int newTotal) {
        total = newTotal;
    }

    /**
     * Records a finished step and redraws at most five times a second.
     *
     * @param step steps done so far
     * @param loss latest loss
     * @param stepTokens tokens processed in this step
     */
    public void update(int step, float loss, long stepTokens) {
        tokens += stepTokens;
        long now = nanoClock.getAsLong();
        if (drawn && step < total && now - lastDrawNanos < REDRAW_NANOS) {
            return;
        }
        lastDrawNanos = now;
        drawn = true;
        out.print('\r' + render(step, loss, now));
        out.flush();
    }

    /**
     * Draws the final state and ends the line.
     *
     * @param step steps done
     * @param loss final loss
     */
    public void finish(int step, float loss) {
        out.println('\r' + render(step, loss, nanoClock.getAsLong()));
        out.flush();
    }

    /**
     * Renders the line for a state.
     *
     * @param step steps done
     * @param loss latest loss
     * @param now current clock reading
     * @return the line, without carriage return
     */
    String render(int step, float loss, long now) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * step / total);
        StringBuilder bar = new StringBuilder();
        for (int i = 0; i < WIDTH; i++) {
            bar.append(i < filled ? '=' : (i == filled ? '>' : ' '));
        }
        long etaSeconds = step == 0 ? 0 : Math.round(seconds / step * (total - step));
        return String.format(Locale.ROOT, "%s [%s] %d/%d loss %.4f %.0f tok/s ETA %02d:%02d",
                label, bar, step, total, loss, tokens / seconds, etaSeconds / 60, etaSeconds % 60);
    }
}
