import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { BoardStatus } from '../../../../shared/rounds/reminders.js';
import { rm } from './messages';

// The app's status colours (each ≥ 4.5:1 on white); the labels carry the meaning, not the colour.
const COLOURS: Record<BoardStatus, string> = { answered: '#1d6b3a', pending: '#1d3f8f', late: '#7a4300' };

/** Three horizontal bars: answered, pending, late. Hidden from assistive technologies (the table says the same). */
export function BoardChart({ counts }: { counts: Record<BoardStatus, number> }) {
  const data = (['answered', 'pending', 'late'] as const).map((s) => ({ key: s, name: rm.board[s], value: counts[s] }));
  return (
    <figure className="rounds-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={130}>
        <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: 40, bottom: 4, left: 4 }}>
          <XAxis type="number" allowDecimals={false} hide />
          <YAxis type="category" dataKey="name" width={90} tick={{ fontSize: 13, fill: '#1b1f29' }} />
          <Bar dataKey="value" isAnimationActive={false} barSize={22}>
            {data.map((d) => (
              <Cell key={d.key} fill={COLOURS[d.key]} />
            ))}
            <LabelList dataKey="value" position="right" style={{ fontSize: 13, fill: '#1b1f29' }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
