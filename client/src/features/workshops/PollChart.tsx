import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';

const PRIMARY = '#1d3f8f';

/** Horizontal bars of a poll's counts (decorative: the counts are also written out next to it). Loaded lazily. */
export function PollChart({ rows }: { rows: { label: string; count: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height={24 + rows.length * 30}>
      <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ top: 2, right: 36, bottom: 2, left: 2 }}>
        <CartesianGrid horizontal={false} stroke="#e3e6ee" />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: '#4c5467' }} />
        <YAxis type="category" dataKey="label" width={96} tick={{ fontSize: 12, fill: '#1b1f29' }} />
        <Bar dataKey="count" fill={PRIMARY} isAnimationActive={false} barSize={16}>
          <LabelList dataKey="count" position="right" style={{ fontSize: 12, fill: '#1b1f29' }} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
