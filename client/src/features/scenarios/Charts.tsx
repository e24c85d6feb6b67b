/**
 * Charts of scenarios (recharts, loaded on demand). Every chart has its data as a table in a disclosure and the SVG
 * is hidden from assistive technologies; bars carry their value as a label, colours are only a repetition.
 */
import type { ReactNode } from 'react';
import { BarChart, Bar, XAxis, YAxis, CartesianGrid, LabelList, Legend, ResponsiveContainer } from 'recharts';
import type { ScenarioComparisonDto, ScenarioDetailDto } from '../../../../shared/scenarios/api.js';
import { formatEuros, fmtNum, Missing } from './format';
import { sm } from './messages';

const PALETTE = ['#1d3f8f', '#a04d00', '#1d6b3a', '#6b2d8f'];
const TODAY = '#8a93a6';
const axis = { fontSize: 12, fill: '#4c5467' };
const euros = (v: unknown) => formatEuros(Number(v));

function ChartFigure({ id, title, chart, table }: { id: string; title: string; chart: ReactNode; table: ReactNode }) {
  return (
    <figure className="scn-chart" aria-labelledby={`${id}-title`} data-chart={id}>
      <figcaption id={`${id}-title`} className="scn-chart-title">{title}</figcaption>
      <div aria-hidden="true" className="scn-chart-canvas">{chart}</div>
      <details className="disclosure">
        <summary>{sm.chartsCompare.tableToggle}</summary>
        {table}
      </details>
    </figure>
  );
}

type Series = { key: string; label: string; color: string };

/** Horizontal grouped bars: one group per row, one bar per series; missing values are not drawn (shown in the table). */
function GroupedBars({ id, title, rows, series, format }: { id: string; title: string; rows: Record<string, string | number | null>[]; series: Series[]; format: (v: unknown) => string }) {
  const chart = (
    <ResponsiveContainer width="100%" height={48 + rows.length * (18 * series.length + 18)}>
      <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: 96, bottom: 4, left: 4 }}>
        <CartesianGrid horizontal={false} stroke="#e3e6ee" />
        <XAxis type="number" tickFormatter={format} tick={axis} />
        <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 13, fill: '#1b1f29' }} />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} barSize={16}>
            <LabelList dataKey={s.key} position="right" formatter={(v: unknown) => (v === null || v === undefined ? '' : format(v))} style={{ fontSize: 11, fill: '#1b1f29' }} />
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
  const table = (
    <div className="table-wrap">
      <table className="table table-compact">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{sm.cols.commune}</th>
            {series.map((s) => (
              <th scope="col" className="num" key={s.key}>{s.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r.name)}>
              <th scope="row">{r.name}</th>
              {series.map((s) => (
                <td className="num" key={s.key}>{r[s.key] === null || r[s.key] === undefined ? <Missing /> : format(r[s.key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return <ChartFigure id={id} title={title} chart={chart} table={table} />;
}

/** One scenario: each commune's contribution against what it spends today, and the ETP by employer. */
export function ScenarioCharts({ scenario }: { scenario: ScenarioDetailDto }) {
  const f = scenario.figures;
  const byInsee = new Map((f.allocation?.communes ?? []).map((c) => [c.insee, c]));
  const contributions = f.communes.map((c) => ({ name: c.name, today: c.historicalCostCents, projected: byInsee.get(c.insee)?.contributionCents ?? null }));
  const etp = f.cost?.projected.etp;
  const etpRows = etp
    ? [{ name: sm.employer.epci, etp: etp.epci }, ...f.communes.filter((c) => etp.byCommune[c.insee]).map((c) => ({ name: c.name, etp: etp.byCommune[c.insee] }))]
    : [];
  return (
    <div className="scn-charts">
      {f.allocation ? (
        <GroupedBars
          id="scn-contrib"
          title={sm.chartsCompare.contributions}
          rows={contributions}
          series={[{ key: 'today', label: sm.chartsCompare.today, color: TODAY }, { key: 'projected', label: sm.chartsCompare.projected, color: PALETTE[0] }]}
          format={euros}
        />
      ) : null}
      {etpRows.length ? <GroupedBars id="scn-etp" title={sm.chartsCompare.etp} rows={etpRows} series={[{ key: 'etp', label: 'ETP', color: PALETTE[1] }]} format={(v) => fmtNum(Number(v))} /> : null}
    </div>
  );
}

/** 2 to 4 scenarios: net cost today and projected, ETP by employer, and each commune's contribution. */
export function ComparisonCharts({ comparison }: { comparison: ScenarioComparisonDto }) {
  const series: Series[] = comparison.scenarios.map((s, i) => ({ key: s.id, label: s.label, color: PALETTE[i % PALETTE.length] }));
  const net = [
    { name: sm.chartsCompare.today, ...Object.fromEntries(comparison.details.map((d) => [d.id, d.figures.cost?.current.netCents ?? null])) },
    { name: sm.chartsCompare.projected, ...Object.fromEntries(comparison.scenarios.map((s) => [s.id, s.netCents])) },
  ];
  const etp = [
    { name: sm.employer.epci, ...Object.fromEntries(comparison.scenarios.map((s) => [s.id, s.etp.epci])) },
    { name: 'Communes', ...Object.fromEntries(comparison.scenarios.map((s) => [s.id, s.etp.commune])) },
  ];
  const communes = comparison.communes.map((c) => ({ name: c.name, ...Object.fromEntries(comparison.scenarios.map((s) => [s.id, c.byScenario[s.id]?.contributionCents ?? null])) }));
  return (
    <div className="scn-charts">
      <GroupedBars id="cmp-net" title={sm.chartsCompare.net} rows={net} series={series} format={euros} />
      <GroupedBars id="cmp-etp" title={sm.chartsCompare.etp} rows={etp} series={series} format={(v) => fmtNum(Number(v))} />
      <GroupedBars id="cmp-communes" title={sm.chartsCompare.contributions} rows={communes} series={series} format={euros} />
    </div>
  );
}
