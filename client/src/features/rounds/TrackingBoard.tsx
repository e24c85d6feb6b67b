import { Suspense } from 'react';
import type { RoundDetailDto } from '../../../../shared/rounds/api.js';
import type { BoardStatus } from '../../../../shared/rounds/reminders.js';
import { lazyPage } from '../../app/lazyPage';
import { formatDateTimeShort } from '../../i18n/format';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { Spinner } from '../../ui/Spinner';
import { rm } from './messages';

// recharts is heavy: the chart is a chunk of its own, the table below carries the same facts meanwhile.
const BoardChart = lazyPage(() => import('./BoardChart'), 'BoardChart');

const TONES: Record<BoardStatus, BadgeTone> = { answered: 'success', pending: 'info', late: 'warning' };

/** Answered / pending / late communes: a chart for the glance, the table for the detail (and for screen readers). */
export function TrackingBoard({ round }: { round: RoundDetailDto }) {
  const { counts, rows } = round.board;
  return (
    <section className="rounds-card" aria-labelledby="board-title" data-testid="tracking-board">
      <h3 id="board-title">{rm.board.title}</h3>
      <ul className="rounds-counts">
        {(['answered', 'pending', 'late'] as const).map((s) => (
          <li key={s} className={`rounds-count rounds-count-${s}`}>
            <span className="rounds-count-value">{counts[s]}</span> {rm.board[s]}
          </li>
        ))}
      </ul>
      <Suspense fallback={<Spinner />}>
        <BoardChart counts={counts} />
      </Suspense>
      <div className="table-wrap">
        <table className="table table-compact">
          <caption className="visually-hidden">{rm.board.title}</caption>
          <thead>
            <tr>
              <th scope="col">{rm.board.commune}</th>
              <th scope="col">{rm.board.state}</th>
              <th scope="col">{rm.board.position}</th>
              <th scope="col">{rm.board.date}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.communeId} data-commune={r.communeName}>
                <th scope="row">{r.communeName}</th>
                <td>
                  <Badge tone={TONES[r.status]}>{rm.board[r.status]}</Badge>
                </td>
                <td>{r.kind ? rm.position.kinds[r.kind] : '—'}</td>
                <td>{r.answeredAt ? formatDateTimeShort(r.answeredAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{rm.board.lateHint}</p>
    </section>
  );
}
