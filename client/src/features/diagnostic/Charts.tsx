import type { ReactNode } from 'react';
import { BarChart, Bar, XAxis, YAxis, CartesianGrid, LabelList, Legend, ResponsiveContainer } from 'recharts';
import type { IndicatorsDto } from './api';
import { useDiagnostic } from './EditorContext';
import { formatEuros, formatNumber, Missing } from './display';
import { dm } from './messages';

const PRIMARY = '#1d3f8f';
const SECOND = '#a04d00'; // 5.2:1 on white: bars stay distinct without relying on colour alone (legend + table)

type Row = { name: string; value: number | null };

/**
 * A chart with its data as a table: the SVG is hidden from assistive technologies, the table (in a disclosure that
 * is open to screen readers too) carries the same figures.
 */
function ChartFigure({ id, title, chart, table, note }: { id: string; title: string; chart: ReactNode; table: ReactNode; note?: string }) {
  return (
    <figure className="diag-chart" aria-labelledby={`${id}-title`} data-chart={id}>
      <figcaption id={`${id}-title`} className="diag-chart-title">{title}</figcaption>
      <div aria-hidden="true" className="diag-chart-canvas">{chart}</div>
      {note ? <p className="muted diag-chart-note">{note}</p> : null}
      <details className="disclosure diag-chart-table">
        <summary>{dm.charts.tableToggle}</summary>
        {table}
      </details>
    </figure>
  );
}

/** Horizontal bars of one indicator per commune; communes without data are named under the chart, not drawn as 0. */
function CommuneBars({ id, title, rows, format }: { id: string; title: string; rows: Row[]; format: (n: number) => string }) {
  const known = rows.filter((r) => r.value !== null);
  const missing = rows.filter((r) => r.value === null).map((r) => r.name);
  const chart = known.length ? (
    <ResponsiveContainer width="100%" height={40 + known.length * 34}>
      <BarChart data={known} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: 64, bottom: 4, left: 4 }}>
        <CartesianGrid horizontal={false} stroke="#e3e6ee" />
        <XAxis type="number" tickFormatter={format} tick={{ fontSize: 12, fill: '#4c5467' }} />
        <YAxis type="category" dataKey="name" width={130} tick={{ fontSize: 13, fill: '#1b1f29' }} />
        <Bar dataKey="value" fill={PRIMARY} isAnimationActive={false} barSize={20}>
          <LabelList dataKey="value" position="right" formatter={(v: unknown) => format(Number(v))} style={{ fontSize: 12, fill: '#1b1f29' }} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  ) : (
    <p className="muted">{dm.charts.noData}</p>
  );
  const table = (
    <table className="table table-compact">
      <caption className="visually-hidden">{title}</caption>
      <thead>
        <tr>
          <th scope="col">{dm.board.commune}</th>
          <th scope="col" className="num">{title}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <th scope="row">{r.name}</th>
            <td className="num">{r.value === null ? <Missing /> : format(r.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return <ChartFigure id={id} title={title} chart={chart} table={table} note={missing.length ? dm.charts.missingNote(missing.join(', ')) : undefined} />;
}

/** The four comparisons of the synthesis. */
export function DiagnosticCharts({ indicators }: { indicators: IndicatorsDto }) {
  const ctx = useDiagnostic();
  const byId = new Map(indicators.communes.map((c) => [c.communeId, c]));
  const communes = [...ctx.overview.communes].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const rows = (pick: (c: IndicatorsDto['communes'][number]) => number | null) => communes.map((c) => ({ name: c.name, value: pick(byId.get(c.id)!) }));
  const money = communes
    .map((c) => ({ name: c.name, operating: byId.get(c.id)!.operatingCents, investment: byId.get(c.id)!.investmentCents }))
    .filter((r) => r.operating !== null || r.investment !== null);
  const euros = (cents: number) => formatEuros(cents);

  return (
    <div className="diag-charts">
      <CommuneBars id="cost-per-inhabitant" title={dm.charts.costPerInhabitant} rows={rows((c) => c.costPerInhabitantCents)} format={(n) => formatEuros(n, true)} />
      <CommuneBars id="etp-per-1000" title={dm.charts.etpPer1000} rows={rows((c) => c.etpPer1000)} format={(n) => formatNumber(n, 2)} />
      <CommuneBars id="capacity-per-1000" title={dm.charts.capacityPer1000} rows={rows((c) => c.capacityPer1000)} format={(n) => formatNumber(n, 1)} />
      <ChartFigure
        id="operating-investment"
        title={dm.charts.opVsInv}
        chart={
          money.length ? (
            <ResponsiveContainer width="100%" height={60 + money.length * 48}>
              <BarChart data={money} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
                <CartesianGrid horizontal={false} stroke="#e3e6ee" />
                <XAxis type="number" tickFormatter={(v: number) => formatNumber(v / 100_000, 0) + ' k€'} tick={{ fontSize: 12, fill: '#4c5467' }} />
                <YAxis type="category" dataKey="name" width={130} tick={{ fontSize: 13, fill: '#1b1f29' }} />
                <Legend />
                <Bar dataKey="operating" name={dm.charts.operating} fill={PRIMARY} isAnimationActive={false} barSize={16} />
                <Bar dataKey="investment" name={dm.charts.investment} fill={SECOND} isAnimationActive={false} barSize={16} />
              </BarChart>
            </ResponsiveContainer>
          ) : (
            <p className="muted">{dm.charts.noData}</p>
          )
        }
        table={
          <table className="table table-compact">
            <caption className="visually-hidden">{dm.charts.opVsInv}</caption>
            <thead>
              <tr>
                <th scope="col">{dm.board.commune}</th>
                <th scope="col" className="num">{dm.charts.operating}</th>
                <th scope="col" className="num">{dm.charts.investment}</th>
              </tr>
            </thead>
            <tbody>
              {communes.map((c) => {
                const i = byId.get(c.id)!;
                return (
                  <tr key={c.id}>
                    <th scope="row">{c.name}</th>
                    <td className="num">{i.operatingCents === null ? <Missing /> : euros(i.operatingCents)}</td>
                    <td className="num">{i.investmentCents === null ? <Missing /> : euros(i.investmentCents)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        }
      />
    </div>
  );
}
