import type { OverlapRow } from '../../../../shared/diagnostic/overlap.js';
import { EXISTENCE } from '../../../../shared/diagnostic/vocab.js';
import { Badge } from '../../ui/Badge';
import { useDiagnostic } from './EditorContext';
import { dm } from './messages';

const MARK = { oui: '●', partiel: '◐', non: '○' } as const;
/** Short words for the cells (the legend gives the full wording). */
const SHORT = { oui: 'Existe', partiel: 'En partie', non: 'Absent' } as const;

/** Missions × communes: who provides what; overlaps (several providers) and gaps (unmet needs) are written out. */
export function OverlapMatrix({ rows }: { rows: OverlapRow[] }) {
  const { overview } = useDiagnostic();
  const m = dm.overlap;
  const name = (id: string) => overview.communes.find((c) => c.id === id)?.name ?? id;
  return (
    <>
      <p className="muted diag-legend">
        {m.legend} : {MARK.oui} {EXISTENCE.oui} · {MARK.partiel} {EXISTENCE.partiel} · {MARK.non} {EXISTENCE.non} ({SHORT.non.toLowerCase()}) · — {m.unknown} · {m.unmet} · {m.wish}
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={m.title}>
        <table className="table table-compact diag-overlap">
          <caption className="visually-hidden">{m.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.mission}</th>
              <th scope="col">{m.status}</th>
              {rows[0]?.cells.map((c) => (
                <th key={c.communeId} scope="col">{name(c.communeId)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.missionKey}>
                <th scope="row">{r.label}</th>
                <td>
                  <span className="badge-list">
                    {r.overlap ? <Badge tone="warning">{m.overlap} ({r.providers})</Badge> : null}
                    {r.gap ? <Badge tone="danger">{m.gap} ({r.unmet})</Badge> : null}
                    {!r.overlap && !r.gap ? (r.providers > 0 ? <Badge tone="success">{m.covered}</Badge> : <Badge tone="neutral">{m.unknown}</Badge>) : null}
                  </span>
                </td>
                {r.cells.map((c) => (
                  <td key={c.communeId} className={c.unmetNeed ? 'diag-cell-gap' : undefined}>
                    {c.existing ? (
                      <span title={c.source === 'services' ? m.fromServices : undefined}>
                        <span aria-hidden="true">{MARK[c.existing]} </span>
                        {SHORT[c.existing]}
                      </span>
                    ) : (
                      <span className="muted">
                        <span aria-hidden="true">—</span>
                        <span className="visually-hidden">{m.unknown}</span>
                      </span>
                    )}
                    {c.unmetNeed ? <span className="cell-sub diag-gap-text">{m.unmetShort}</span> : null}
                    {c.poolingWish === 'oui' ? <span className="cell-sub">{m.wishShort}</span> : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
