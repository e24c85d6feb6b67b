import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeliberationDto } from '../../../../shared/convention/api.js';
import { DELIBERATION_STATE_LABELS, type DeliberationState } from '../../../../shared/scenarios/deliberations.js';
import { formatDate } from '../../i18n/format';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { useProjectContext } from '../projects/useProjectContext';
import { AdoptionPanel } from './AdoptionPanel';
import { CstForm, DeliberationForm } from './DeliberationForm';
import { convKeys, convQ } from './api';
import { cm } from './messages';

const TONE: Record<DeliberationState, BadgeTone> = { prevue: 'neutral', ajournee: 'warning', favorable: 'info', defavorable: 'danger', signataire: 'success', retiree: 'outline' };

/** One council per row: state, meeting, votes, CST opinion, and the viewer's « Enregistrer » when they may. */
function Board({ rows, caption, cstRequired, projectId }: { rows: DeliberationDto[]; caption: string; cstRequired: boolean; projectId: string }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<{ id: string; kind: 'move' | 'cst' } | null>(null);
  const done = () => (setOpen(null), void queryClient.invalidateQueries({ queryKey: convKeys.all(projectId) }));
  const openRow = open ? rows.find((r) => r.id === open.id) : undefined;
  const formRef = useRef<HTMLDivElement>(null);
  // The form opens under the table: bring it into view and put the focus on its first field.
  useEffect(() => {
    if (!open) return;
    formRef.current?.scrollIntoView({ block: 'nearest' });
    formRef.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, [open]);
  const counts = new Map<DeliberationState, number>();
  for (const r of rows) counts.set(r.boardState, (counts.get(r.boardState) ?? 0) + 1);
  return (
    <>
      <ul className="conv-state-counts" aria-label={cm.stateCounts}>
        {[...counts].map(([state, n]) => (
          <li key={state}>
            <Badge tone={TONE[state]}>{`${DELIBERATION_STATE_LABELS[state]} : ${n}`}</Badge>
          </li>
        ))}
      </ul>
      <div className="table-wrap">
        <table className="table conv-board">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{cm.col2.council}</th>
              <th scope="col">{cm.col2.state}</th>
              <th scope="col">{cm.col2.meeting}</th>
              <th scope="col">{cm.col2.votes}</th>
              {cstRequired ? <th scope="col">{cm.col2.cst}</th> : null}
              <th scope="col"><span className="visually-hidden">{cm.col2.record}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {r.name}
                  <span className="cell-sub">{r.body.split(' — ')[0]}</span>
                </th>
                <td><Badge tone={TONE[r.boardState]}>{DELIBERATION_STATE_LABELS[r.boardState]}</Badge></td>
                <td className="nowrap">
                  {r.date ? formatDate(r.date) : '—'}
                  {r.number ? <span className="cell-sub">n° {r.number}</span> : null}
                  {r.signedOn ? <span className="cell-sub">{cm.signDate} : {formatDate(r.signedOn)}</span> : null}
                </td>
                <td>{r.votes ? cm.votesText(r.votes.pour, r.votes.contre, r.votes.abstention) : '—'}</td>
                {cstRequired ? <td>{r.cstDate ? `${formatDate(r.cstDate)}${r.cstOpinion ? ` (${cm.cstOpinions[r.cstOpinion].toLowerCase()})` : ''}` : '—'}</td> : null}
                <td className="nowrap">
                  {r.canRecord && r.moves.length ? (
                    <Button variant="secondary" aria-expanded={open?.id === r.id && open.kind === 'move'} onClick={() => setOpen(open?.id === r.id ? null : { id: r.id, kind: 'move' })}>
                      {cm.record}<span className="visually-hidden"> — {r.body}</span>
                    </Button>
                  ) : r.canEditDetails && cstRequired ? (
                    <Button variant="ghost" onClick={() => setOpen(open?.id === r.id ? null : { id: r.id, kind: 'cst' })}>
                      {cm.col2.cst}<span className="visually-hidden"> — {r.body}</span>
                    </Button>
                  ) : !r.canRecord && r.canEditDetails ? <span className="conv-muted">{cm.frozen}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {openRow ? (
        <div ref={formRef}>
          {open!.kind === 'move' ? <DeliberationForm projectId={projectId} row={openRow} cstRequired={cstRequired} onDone={done} onCancel={() => setOpen(null)} /> : <CstForm projectId={projectId} row={openRow} onDone={done} onCancel={() => setOpen(null)} />}
        </div>
      ) : null}
    </>
  );
}

/** `…/convention/deliberations`: the board of the convention and of each avenant, with the overall status. */
export function DeliberationsPage() {
  const { project } = useProjectContext();
  const query = useQuery(convQ.board(project.id));
  return (
    <QueryState query={query}>
      {(board) =>
        board.convention.rows.length === 0 ? (
          <EmptyState title={cm.boardEmptyTitle}>
            <p>{cm.boardEmptyText}</p>
          </EmptyState>
        ) : (
          <div className="conv-stack">
            {board.convention.signed ? <p className="alert alert-success" role="status">{cm.signedBanner}</p> : null}
            {board.convention.adoption ? <AdoptionPanel adoption={board.convention.adoption} projectId={project.id} showLink={false} /> : null}
            <Card as="section" aria-labelledby="board-title">
              <h3 id="board-title">{cm.boardTitle}</h3>
              {board.cstRequired ? <p className="conv-muted">{cm.cstRequired}</p> : null}
              <Board rows={board.convention.rows} caption={cm.boardCaption} cstRequired={board.cstRequired} projectId={project.id} />
            </Card>
            {board.avenants.map((a) => (
              <Card as="section" key={a.avenantId} aria-labelledby={`avn-${a.avenantId}`}>
                <h3 id={`avn-${a.avenantId}`}>{cm.avenantLine(a.number, a.communeName)}</h3>
                <Board rows={a.rows} caption={cm.avenantBoardCaption(a.number, a.communeName)} cstRequired={false} projectId={project.id} />
                <p>
                  <Badge tone={a.adopted ? 'success' : 'warning'}>{a.adopted ? cm.avenantStatus.adopte : cm.avenantStatus.en_cours}</Badge>{' '}
                  {a.adoption.missing[0] ?? ''}
                </p>
              </Card>
            ))}
          </div>
        )
      }
    </QueryState>
  );
}
