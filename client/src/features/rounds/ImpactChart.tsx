import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { SynthesisDto } from '../../../../shared/rounds/api.js';
import { rm } from './messages';

const COLOURS = { renforce: '#1d6b3a', neutre: '#4c5467', affaiblit: '#a3191f' } as const;
const IMPACTS = ['renforce', 'neutre', 'affaiblit'] as const;

/**
 * Programme actions reinforced / neutral / weakened, stacked per commune. The chart is hidden from assistive
 * technologies; the table below it gives the same figures.
 */
export function ImpactChart({ impact, communeNames }: { impact: SynthesisDto['programmeImpact']; communeNames: Record<string, string> }) {
  const rows = impact.byCommune.map((b) => ({ name: communeNames[b.communeId] ?? b.communeId, ...b.counts }));
  return (
    <figure className="rounds-chart">
      <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={60 + rows.length * 36}>
          <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
            <CartesianGrid horizontal={false} stroke="#e3e6ee" />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: '#4c5467' }} />
            <YAxis type="category" dataKey="name" width={120} tick={{ fontSize: 13, fill: '#1b1f29' }} />
            <Legend wrapperStyle={{ fontSize: 13, color: '#1b1f29' }} />
            {IMPACTS.map((i) => (
              <Bar key={i} dataKey={i} name={rm.position.impactLabels[i]} stackId="impact" fill={COLOURS[i]} isAnimationActive={false} barSize={22} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="table-wrap">
        <table className="table table-compact">
          <caption className="visually-hidden">{rm.synthesis.impactTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{rm.board.commune}</th>
              {IMPACTS.map((i) => (
                <th key={i} scope="col" className="num">
                  {rm.position.impactLabels[i]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                {IMPACTS.map((i) => (
                  <td key={i} className="num">
                    {r[i]}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">Total</th>
              {IMPACTS.map((i) => (
                <td key={i} className="num">
                  {impact.total[i]}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </figure>
  );
}
