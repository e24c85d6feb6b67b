import { Link } from 'react-router';
import { BOARD_SECTIONS, COMPLETENESS_STATUSES, SECTION_LABELS, type CompletenessStatus } from '../../../../shared/diagnostic/sections.js';
import { PARTICIPATION_LABELS } from '../../../../shared/projects/participation.js';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { useDiagnostic } from './EditorContext';
import { dm } from './messages';

export const STATUS_TONE: Record<CompletenessStatus, BadgeTone> = {
  a_completer: 'neutral',
  en_cours: 'info',
  soumis: 'warning',
  a_revoir: 'danger',
  valide: 'success',
};

/** Communes × sections: where each commune's diagnostic stands. The status is always written, colour only repeats it. */
export function CompletenessBoard() {
  const { overview, projectId } = useDiagnostic();
  const rows = overview.board;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={dm.board.title}>
      <table className="table table-compact diag-board">
        <caption className="visually-hidden">{dm.board.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{dm.board.commune}</th>
            {BOARD_SECTIONS.map((s) => (
              <th key={s} scope="col">{SECTION_LABELS[s]}</th>
            ))}
            <th scope="col" className="num">{COMPLETENESS_STATUSES.valide}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const c = overview.communes.find((x) => x.id === row.communeId)!;
            return (
              <tr key={row.communeId}>
                <th scope="row">
                  <Link to={`/projets/${projectId}/diagnostic/communes/${c.id}`} aria-label={dm.board.open(c.name)}>
                    {c.name}
                  </Link>
                  <span className="cell-sub">{PARTICIPATION_LABELS[c.participation]}</span>
                </th>
                {BOARD_SECTIONS.map((s) => {
                  const cell = row.cells[s];
                  return (
                    <td key={s} title={cell.comment ?? undefined}>
                      <Badge tone={STATUS_TONE[cell.status]}>{COMPLETENESS_STATUSES[cell.status]}</Badge>
                      <span className="cell-sub">{dm.board.records(cell.count)}</span>
                    </td>
                  );
                })}
                <td className="num">{dm.board.validated(row.validated, BOARD_SECTIONS.length)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
