import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConventionDto, EvaluationDto } from '../../../../shared/convention/api.js';
import type { EvaluationIndicator } from '../../../../shared/convention/evaluation.js';
import { count, euros } from '../../../../shared/convention/facts.js';
import { formatDateTime } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextAreaField, TextField } from '../../ui/Field';
import { QueryState } from '../../ui/QueryState';
import { convApi, convKeys, convQ } from './api';
import { cm } from './messages';

/** An indicator value in its unit, « inconnu » when missing. */
function value(i: EvaluationIndicator): string {
  if (i.value === null) return cm.unknown;
  if (i.unit === 'eur') return euros(i.value);
  if (i.unit === 'pct') return `${count(i.value)} %`;
  if (i.unit === 'etp') return `${count(i.value)} ETP`;
  return count(i.value);
}

/** The yearly reviews: create one (indicators computed by the server), edit comments and decisions, recompute. */
export function Evaluations({ c, projectId }: { c: ConventionDto; projectId: string }) {
  const query = useQuery(convQ.evaluations(projectId));
  const queryClient = useQueryClient();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const create = useMutation({ mutationFn: () => convApi.createEvaluation(projectId, { year: Number(year) }), onSuccess: () => queryClient.invalidateQueries({ queryKey: convKeys.all(projectId) }) });
  return (
    <Card as="section" aria-labelledby="fu-evaluations">
      <h3 id="fu-evaluations">{cm.evaluationsTitle}</h3>
      <p className="conv-muted">{cm.evaluationsHint}</p>
      {c.can.manageMembership ? (
        c.status !== 'signee' ? <p className="conv-muted">{cm.evaluationsLocked}</p> : (
          <form className="inline-form" onSubmit={(e: FormEvent) => (e.preventDefault(), create.mutate())}>
            <TextField label={cm.year} type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} required />
            <Button type="submit" busy={create.isPending}>{cm.createEvaluation}</Button>
          </form>
        )
      ) : null}
      {create.error ? <ErrorMessage error={create.error} /> : null}
      <QueryState query={query}>
        {(list) => (list.length === 0 ? <p>{cm.evaluationsEmpty}</p> : <>{[...list].reverse().map((e) => <Evaluation key={e.id} e={e} projectId={projectId} canEdit={c.can.manageMembership} />)}</>)}
      </QueryState>
    </Card>
  );
}

function Evaluation({ e, projectId, canEdit }: { e: EvaluationDto; projectId: string; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [comments, setComments] = useState(e.comments);
  const [decisions, setDecisions] = useState(e.decisions.join('\n'));
  const update = useMutation({
    mutationFn: (recompute: boolean) => convApi.updateEvaluation(projectId, e.id, recompute ? { recompute: true } : { comments, decisions: decisions.split('\n').map((d) => d.trim()).filter(Boolean) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: convKeys.all(projectId) }),
  });
  return (
    <article className="conv-evaluation" aria-labelledby={`evl-${e.id}`}>
      <h4 id={`evl-${e.id}`}>{cm.evaluationTitle(e.year)}</h4>
      <div className="table-wrap">
        <table className="table table-compact">
          <caption className="visually-hidden">{cm.indicatorsCaption(e.year)}</caption>
          <tbody>
            {e.indicators.map((i) => (
              <tr key={i.key}>
                <th scope="row">{i.label}</th>
                <td className="num nowrap">{value(i)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="conv-muted">{cm.computedAt(formatDateTime(e.computedAt))}</p>
      {canEdit ? (
        <form className="conv-form" onSubmit={(ev) => (ev.preventDefault(), update.mutate(false))}>
          <TextAreaField label={cm.comments} value={comments} onChange={(ev) => setComments(ev.target.value)} rows={3} maxLength={8000} />
          <TextAreaField label={cm.decisions} value={decisions} onChange={(ev) => setDecisions(ev.target.value)} rows={3} />
          <div className="button-row">
            <Button type="submit" busy={update.isPending && update.variables === false}>{cm.saveEvaluation}</Button>
            <Button variant="secondary" onClick={() => update.mutate(true)} busy={update.isPending && update.variables === true}>{cm.recompute}</Button>
          </div>
          {update.error ? <ErrorMessage error={update.error} /> : null}
        </form>
      ) : (
        <>
          {e.comments ? <p>{e.comments}</p> : null}
          {e.decisions.length ? <ul>{e.decisions.map((d) => <li key={d}>{d}</li>)}</ul> : null}
        </>
      )}
    </article>
  );
}
