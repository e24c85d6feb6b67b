import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionDto, ActionPlanDto } from '../../../../shared/convention/api.js';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionInput, type ActionStatus } from '../../../../shared/convention/action-plan.js';
import { euros } from '../../../../shared/convention/facts.js';
import { formatDate } from '../../i18n/format';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/Field';
import { QueryState } from '../../ui/QueryState';
import { useProjectContext } from '../projects/useProjectContext';
import { ActionForm } from './ActionForm';
import { ActionTimeline } from './ActionTimeline';
import { convApi, convKeys, convQ } from './api';
import { cm } from './messages';

/** `…/convention/plan-actions`: objectives, actions (table with quick status change), progress, calendar, export. */
export function ActionPlanPage() {
  const { project } = useProjectContext();
  const query = useQuery(convQ.plan(project.id));
  return <QueryState query={query}>{(plan) => <Plan plan={plan} projectId={project.id} />}</QueryState>;
}

function Plan({ plan, projectId }: { plan: ActionPlanDto; projectId: string }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: convKeys.all(projectId) });
  const [editing, setEditing] = useState<ActionDto | 'new' | null>(null);
  const save = useMutation({
    mutationFn: (body: Partial<ActionInput>) => (editing && editing !== 'new' ? convApi.updateAction(projectId, editing.id, body) : convApi.createAction(projectId, body)),
    onSuccess: () => (setEditing(null), refresh()),
  });
  const setStatus = useMutation({ mutationFn: ({ id, status }: { id: string; status: ActionStatus }) => convApi.updateAction(projectId, id, { status }), onSuccess: refresh });
  const remove = useMutation({ mutationFn: (id: string) => convApi.deleteAction(projectId, id), onSuccess: refresh });
  const objectives = new Map(plan.objectives.map((o) => [o.id, o.label]));
  const p = plan.progress.overall;

  return (
    <div className="conv-stack">
      <Card as="section" aria-labelledby="plan-progress">
        <div className="conv-card-head">
          <h3 id="plan-progress">{cm.progressTitle}</h3>
          <div className="button-row">
            <a className="btn btn-secondary" href={convApi.planExportUrl(projectId, 'xlsx')} download>{cm.exportXlsx}</a>
            <a className="btn btn-secondary" href={convApi.planExportUrl(projectId, 'csv')} download>{cm.exportCsv}</a>
          </div>
        </div>
        <p className="conv-lead">{cm.progressDone(p.donePct)}</p>
        <div className="progress conv-progress" role="progressbar" aria-label={cm.progressTitle} aria-valuemin={0} aria-valuemax={100} aria-valuenow={p.donePct ?? 0}>
          <span style={{ width: `${p.donePct ?? 0}%` }} />
        </div>
        <p>{cm.progressCounts(p.total, p.late)} · {cm.budgetTotal(euros(p.budgetCents), p.budgetUnknown)}</p>
      </Card>

      <Objectives plan={plan} projectId={projectId} onChange={refresh} />

      <Card as="section" aria-labelledby="plan-actions">
        <div className="conv-card-head">
          <h3 id="plan-actions">{cm.actionsTitle}</h3>
          {plan.can.write && editing === null ? <Button onClick={() => (save.reset(), setEditing('new'))}>{cm.addAction}</Button> : null}
        </div>
        {editing !== null ? (
          <ActionForm plan={plan} action={editing === 'new' ? undefined : editing} busy={save.isPending} error={save.error} onSubmit={(b) => save.mutate(b)} onCancel={() => setEditing(null)} />
        ) : null}
        {setStatus.error || remove.error ? <ErrorMessage error={setStatus.error ?? remove.error} /> : null}
        {plan.actions.length === 0 ? (
          <EmptyState headingLevel={3} title={cm.actionsEmptyTitle}>
            <p>{cm.actionsEmptyText}</p>
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table conv-actions-table">
              <caption className="visually-hidden">{cm.actionsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{cm.col.action}</th>
                  <th scope="col">{cm.col.lead}</th>
                  <th scope="col">{cm.col.deadline}</th>
                  <th scope="col" className="num">{cm.col.budget}</th>
                  <th scope="col">{cm.col.status}</th>
                  {plan.can.write ? <th scope="col"><span className="visually-hidden">{cm.col.edit}</span></th> : null}
                </tr>
              </thead>
              <tbody>
                {plan.actions.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      {a.title}
                      <span className="cell-sub">{a.objectiveId ? objectives.get(a.objectiveId) : cm.noObjective}</span>
                      {a.partners.length ? <span className="cell-sub">{cm.col.partners} : {a.partners.join(', ')}</span> : null}
                      {a.indicator ? <span className="cell-sub">{cm.col.indicator} : {a.indicator}</span> : null}
                    </th>
                    <td>{a.leadLabel}</td>
                    <td className="nowrap">
                      {a.deadline ? formatDate(a.deadline) : '—'}
                      {a.late ? <> <Badge tone="danger">{cm.late}</Badge></> : null}
                    </td>
                    <td className="num nowrap">{euros(a.budgetCents)}</td>
                    <td>
                      {plan.can.write ? (
                        <select aria-label={cm.statusOf(a.title)} value={a.status} onChange={(e) => setStatus.mutate({ id: a.id, status: e.target.value as ActionStatus })}>
                          {ACTION_STATUSES.map((s) => (
                            <option key={s} value={s}>{ACTION_STATUS_LABELS[s]}</option>
                          ))}
                        </select>
                      ) : (
                        ACTION_STATUS_LABELS[a.status]
                      )}
                    </td>
                    {plan.can.write ? (
                      <td className="nowrap">
                        <Button variant="ghost" aria-label={cm.editAction(a.title)} onClick={() => (save.reset(), setEditing(a))}>{cm.col.edit}</Button>
                        <Button variant="ghost" aria-label={cm.deleteAction(a.title)} onClick={() => remove.mutate(a.id)}>✕</Button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card as="section" aria-labelledby="plan-timeline">
        <h3 id="plan-timeline">{cm.timelineTitle}</h3>
        <ActionTimeline plan={plan} />
      </Card>
    </div>
  );
}

/** The objectives actions link to: list, add, rename, delete (refused by the server while actions use one). */
function Objectives({ plan, projectId, onChange }: { plan: ActionPlanDto; projectId: string; onChange: () => void }) {
  const [label, setLabel] = useState('');
  const add = useMutation({ mutationFn: () => convApi.createObjective(projectId, label.trim()), onSuccess: () => (setLabel(''), onChange()) });
  const remove = useMutation({ mutationFn: (id: string) => convApi.deleteObjective(projectId, id), onSuccess: onChange });
  const submit = (e: FormEvent) => (e.preventDefault(), add.mutate());
  /** « 1/2 terminées · 50 % » for an objective. */
  const progressOf = (id: string) => {
    const p = plan.progress.byObjective.find((x) => x.objectiveId === id);
    if (!p || p.total === 0) return cm.noActions;
    return cm.objectiveProgress(p.byStatus.terminee, p.total - p.byStatus.abandonnee, p.donePct);
  };
  return (
    <Card as="section" aria-labelledby="plan-objectives">
      <h3 id="plan-objectives">{cm.objectivesTitle}</h3>
      {plan.objectives.length === 0 ? <p className="conv-muted">{cm.objectivesEmpty}</p> : (
        <ol className="conv-objectives">
          {plan.objectives.map((o) => (
            <li key={o.id}>
              <span>{o.label}</span>
              <span className="conv-muted conv-objective-count">{progressOf(o.id)}</span>
              {plan.can.write ? <Button variant="ghost" aria-label={cm.deleteObjective(o.label)} onClick={() => remove.mutate(o.id)}>✕</Button> : null}
            </li>
          ))}
        </ol>
      )}
      {remove.error ? <ErrorMessage error={remove.error} /> : null}
      {plan.can.write ? (
        <form className="inline-form" onSubmit={submit}>
          <TextField label={cm.objectiveLabel} value={label} onChange={(e) => setLabel(e.target.value)} minLength={3} maxLength={200} required />
          <Button type="submit" variant="secondary" busy={add.isPending}>{cm.addObjective}</Button>
        </form>
      ) : null}
      {add.error ? <ErrorMessage error={add.error} /> : null}
    </Card>
  );
}
