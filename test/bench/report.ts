/**
 * Results as files under `test/bench/results/`: per scenario a JSON (every run), a Markdown table and a latency
 * CDF chart (SVG written by hand, no dependency); plus `summary.md` gathering every table with the machine.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One scenario's outcome: a table (rows × columns) plus optional CDFs and raw data for the JSON. */
export type ScenarioReport = {
  id: string;
  title: string;
  notes: string[];
  columns: string[];
  rows: { metric: string; values: (number | string | null)[] }[];
  /** Per series: [quantile, latency ms] points. */
  cdf?: Record<string, [number, number][]>;
  data?: unknown;
};

/** The attribution required wherever the editing trace or its figures are used (CC BY 4.0). */
export const TRACE_ATTRIBUTION =
  'Editing trace: the LaTeX source of "A Conflict-Free Replicated JSON Datatype", from the automerge-perf benchmark (data by Martin Kleppmann and Alastair R. Beresford, CC BY 4.0).';

/** Markdown table of a scenario. */
export function markdown(r: ScenarioReport): string {
  const cell = (v: number | string | null) => (v === null || v === undefined ? '–' : String(v));
  const lines = [`### ${r.title}`, '', `| metric | ${r.columns.join(' | ')} |`, `|---|${r.columns.map(() => '---:').join('|')}|`];
  for (const row of r.rows) lines.push(`| ${row.metric} | ${row.values.map(cell).join(' | ')} |`);
  if (r.notes.length) lines.push('', ...r.notes.map((n) => `- ${n}`));
  return lines.join('\n') + '\n';
}

const COLORS = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd', '#ff7f0e'];

/**
 * Latency CDF: x = latency on a log scale (the tail spans decades), y = fraction of deliveries at or below it.
 * The legend sits bottom right, where a CDF never goes.
 */
export function cdfSvg(title: string, series: Record<string, [number, number][]>): string {
  const W = 640, H = 360, L = 56, R = 16, T = 28, B = 44;
  const all = Object.values(series).flat().map((p) => p[1]).filter((v) => v > 0);
  if (!all.length) return '';
  const lo = Math.pow(10, Math.floor(Math.log10(Math.min(...all))));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...all))));
  const x = (ms: number) => L + ((Math.log10(Math.max(ms, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (W - L - R);
  const y = (q: number) => T + (1 - q) * (H - T - B);
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="11">`, `<rect width="${W}" height="${H}" fill="white"/>`, `<text x="${L}" y="16" font-size="13">${esc(title)}</text>`];
  for (let d = lo; d <= hi; d *= 10) parts.push(`<line x1="${x(d)}" y1="${T}" x2="${x(d)}" y2="${H - B}" stroke="#ddd"/><text x="${x(d)}" y="${H - B + 14}" text-anchor="middle">${d >= 1 ? d : d.toFixed(-Math.log10(d))}</text>`);
  for (const q of [0, 0.5, 0.9, 1]) parts.push(`<line x1="${L}" y1="${y(q)}" x2="${W - R}" y2="${y(q)}" stroke="#eee"/><text x="${L - 6}" y="${y(q) + 4}" text-anchor="end">${q}</text>`);
  parts.push(`<text x="${(L + W - R) / 2}" y="${H - 8}" text-anchor="middle">latency (ms, log scale)</text>`);
  Object.entries(series).forEach(([name, pts], i) => {
    const c = COLORS[i % COLORS.length];
    const d = pts.map(([q, ms], k) => `${k ? 'L' : 'M'}${x(ms).toFixed(1)},${y(q).toFixed(1)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${c}" stroke-width="1.8"/>`, `<text x="${W - R - 150}" y="${H - B - 10 - 14 * (Object.keys(series).length - 1 - i)}" fill="${c}">${esc(name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Writes `<id>.json`, `<id>.md` and (when there are CDFs) `<id>.svg` into `dir`. */
export function writeScenario(dir: string, r: ScenarioReport): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${r.id}.json`), JSON.stringify(r, null, 1) + '\n');
  writeFileSync(join(dir, `${r.id}.md`), markdown(r));
  if (r.cdf && Object.keys(r.cdf).length) writeFileSync(join(dir, `${r.id}.svg`), cdfSvg(r.title, r.cdf));
}

/**
 * Writes `summary.md`: machine, then the table of every scenario whose JSON is in `dir` (this run's and, after a
 * partial `--only` run, the earlier ones: each table carries its own run date).
 */
export function writeSummary(dir: string, header: string[]): string {
  const reports = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ScenarioReport);
  const text = [...header, '', ...reports.map(markdown)].join('\n');
  writeFileSync(join(dir, 'summary.md'), text);
  return text;
}
