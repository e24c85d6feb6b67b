/**
 * Preloaded into every server under test (`node --import ./test/bench/lag-probe.mjs …`): measures the server's own
 * event-loop delay without touching its code. The harness sends SIGUSR2 at the start of the measured window (reset)
 * and at its end (report): the probe then prints one line `BENCH_LAG {"p50":…,"p99":…,"max":…}` (ms) on stderr.
 * Plain JavaScript, so the reference server (run without tsx) loads it too.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const RESOLUTION_MS = 5;
const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();
let measuring = false;
// The histogram holds whole timer intervals (an idle loop reads ~5 ms): the resolution is subtracted, as in util.ts.
const ms = (ns) => Math.round(Math.max(0, ns / 1e6 - RESOLUTION_MS) * 10) / 10;

process.on('SIGUSR2', () => {
  if (measuring) {
    process.stderr.write(`BENCH_LAG ${JSON.stringify({ p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) })}\n`);
  }
  measuring = !measuring;
  histogram.reset();
});
