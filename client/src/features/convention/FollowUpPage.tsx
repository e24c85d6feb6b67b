import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConventionDto, DeliberationsBoardDto } from '../../../../shared/convention/api.js';
import { q } from '../../api/queries';
import { formatDate } from '../../i18n/format';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Disclosure } from '../../ui/Disclosure';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { QueryState } from '../../ui/QueryState';
import { useProjectContext } from '../projects/useProjectContext';
import { Evaluations } from './Evaluations';
import { convApi, convKeys, convQ } from './api';
import { cm } from './messages';

/** `…/convention/suivi`: avenants of adhesion, withdrawals and annual evaluations of the convention. */
export function FollowUpPage() {
  const { project } = useProjectContext();
  const convention = useQuery(convQ.convention(project.id));
  const board = useQuery(convQ.board(project.id));
  return (
    <QueryState query={convention}>
      {(c) => (
        <QueryState query={board}>
          {(b) => (
            <div className="conv-stack">
              {!c.can.manageMembership ? <p className="conv-muted">{cm.membershipReadOnly}</p> : null}
              <Avenants c={c} board={b} projectId={project.id} territoryId={project.territoryId} />
              <Withdrawals c={c} board={b} projectId={project.id} />
              <Evaluations c={c} projectId={project.id} />
            </div>
          )}
        </QueryState>
      )}
    </QueryState>
  );
}

/** Commune ids party to the convention today (its own, those joined by avenant), withdrawn ones excepted. */
function parties(board: DeliberationsBoardDto): Set<string> {
  const own = board.convention.rows.filter((r) => r.communeId && r.boardState !== 'retiree').map((r) => r.communeId!);
  const joined = board.avenants.filter((a) => a.adopted).flatMap((a) => a.rows.filter((r) => r.bodyKind === 'commune').map((r) => r.communeId!));
  return new Set([...own, ...joined]);
}

function Avenants({ c, board, projectId, territoryId }: { c: ConventionDto; board: DeliberationsBoardDto; projectId: string; territoryId: string }) {
  const queryClient = useQueryClient();
  const communes = useQuery(q.communes(territoryId));
  const [communeId, setCommuneId] = useState('');
  const [effectiveOn, setEffectiveOn] = useState('');
  const create = useMutation({ mutationFn: () => convApi.createAvenant(projectId, { communeId, effectiveOn: effectiveOn || null }), onSuccess: () => (setCommuneId(''), queryClient.invalidateQueries({ queryKey: convKeys.all(projectId) })) });
  const taken = new Set([...board.convention.rows.map((r) => r.communeId), ...board.avenants.flatMap((a) => a.rows.map((r) => r.communeId)), ...c.withdrawals.map((w) => w.communeId)]);
  const candidates = (communes.data ?? []).filter((x) => !taken.has(x.id));
  const submit = (e: FormEvent) => (e.preventDefault(), create.mutate());
  return (
    <Card as="section" aria-labelledby="fu-avenants">
      <h3 id="fu-avenants">{cm.avenantsTitle}</h3>
      <p className="conv-muted">{cm.avenantsHint}</p>
      {c.avenants.length === 0 ? <p>{cm.avenantsEmpty}</p> : (
        <ul className="conv-list">
          {c.avenants.map((a) => (
            <li key={a.id}>
              <Link to={`/projets/${projectId}/documents/${a.document.id}`}>{cm.avenantLine(a.number, a.communeName)}</Link>{' '}
              <Badge tone={a.status === 'adopte' ? 'success' : 'warning'}>{cm.avenantStatus[a.status]}</Badge>
            </li>
          ))}
        </ul>
      )}
      {c.can.manageMembership ? (
        c.status !== 'signee' ? <p className="conv-muted">{cm.avenantsLocked}</p> : (
          <form className="inline-form" onSubmit={submit}>
            <SelectField label={cm.avenantCommune} value={communeId} onChange={(e) => setCommuneId(e.target.value)} required>
              <option value="">{cm.choose}</option>
              {candidates.map((x) => (
                <option key={x.id} value={x.id}>{x.name}{x.member ? '' : ' (hors EPCI)'}</option>
              ))}
            </SelectField>
            <TextField label={cm.avenantEffective} type="date" value={effectiveOn} onChange={(e) => setEffectiveOn(e.target.value)} />
            <Button type="submit" busy={create.isPending}>{cm.createAvenant}</Button>
          </form>
        )
      ) : null}
      {create.error ? <ErrorMessage error={create.error} /> : null}
    </Card>
  );
}

function Withdrawals({ c, board, projectId }: { c: ConventionDto; board: DeliberationsBoardDto; projectId: string }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ communeId: '', decidedOn: '', effectiveOn: '', effects: '', deliberationRef: '' });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const record = useMutation({
    mutationFn: () => convApi.withdraw(projectId, { ...form, deliberationRef: form.deliberationRef || null }),
    onSuccess: () => (setForm({ communeId: '', decidedOn: '', effectiveOn: '', effects: '', deliberationRef: '' }), queryClient.invalidateQueries({ queryKey: convKeys.all(projectId) })),
  });
  const ids = parties(board);
  const names = new Map([...board.convention.rows, ...board.avenants.flatMap((a) => a.rows)].filter((r) => r.communeId).map((r) => [r.communeId!, r.name]));
  return (
    <Card as="section" aria-labelledby="fu-withdrawals">
      <h3 id="fu-withdrawals">{cm.withdrawalsTitle}</h3>
      <p className="conv-muted">{cm.withdrawalsHint}</p>
      {c.withdrawals.length === 0 ? <p>{cm.withdrawalsEmpty}</p> : (
        <ul className="conv-list">
          {c.withdrawals.map((w) => (
            <li key={w.id}>
              <strong>{cm.withdrawalLine(w.communeName, formatDate(w.decidedOn), formatDate(w.effectiveOn))}</strong>
              <span className="cell-sub">{w.effects}{w.deliberationRef ? ` (${w.deliberationRef})` : ''}</span>
            </li>
          ))}
        </ul>
      )}
      {c.can.manageMembership && c.convention ? (
        <Disclosure summary={cm.withdrawalFormTitle}>
        <form className="conv-form" onSubmit={(e) => (e.preventDefault(), record.mutate())}>
          <div className="conv-form-grid">
            <SelectField label={cm.withdrawalCommune} value={form.communeId} onChange={set('communeId')} required>
              <option value="">{cm.choose}</option>
              {[...ids].map((id) => (
                <option key={id} value={id}>{names.get(id) ?? id}</option>
              ))}
            </SelectField>
            <TextField label={cm.decidedOn} type="date" value={form.decidedOn} onChange={set('decidedOn')} required />
            <TextField label={cm.effectiveOn} type="date" value={form.effectiveOn} onChange={set('effectiveOn')} required />
            <TextField label={cm.deliberationRef} value={form.deliberationRef} onChange={set('deliberationRef')} maxLength={120} />
          </div>
          <TextAreaField label={cm.effects} value={form.effects} onChange={set('effects')} rows={2} required minLength={3} />
          <Button type="submit" variant="danger" busy={record.isPending}>{cm.recordWithdrawal}</Button>
        </form>
        </Disclosure>
      ) : null}
      {record.error ? <ErrorMessage error={record.error} /> : null}
    </Card>
  );
}
