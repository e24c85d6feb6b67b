import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { DeliberationDto } from '../../../../shared/convention/api.js';
import { DELIBERATION_STATE_LABELS, type DeliberationState } from '../../../../shared/scenarios/deliberations.js';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { convApi } from './api';
import { cm } from './messages';

const int = (s: string) => (s.trim() === '' ? null : Number(s));

/**
 * Records a council's deliberation: the new state among the moves the server allows, and for a result the meeting
 * date, the number, the votes (pour / contre / abstentions, members in office, casting vote) and the CST opinion
 * where the instrument requires one; a reason for a new deliberation. The server checks the votes against the result.
 */
export function DeliberationForm({ projectId, row, cstRequired, onDone, onCancel }: { projectId: string; row: DeliberationDto; cstRequired: boolean; onDone: () => void; onCancel: () => void }) {
  const [to, setTo] = useState<DeliberationState>(row.moves[0]);
  const [date, setDate] = useState('');
  const [number, setNumber] = useState(row.number ?? '');
  const [pour, setPour] = useState('');
  const [contre, setContre] = useState('');
  const [abstention, setAbstention] = useState('');
  const [members, setMembers] = useState('');
  const [casting, setCasting] = useState(false);
  const [reason, setReason] = useState('');
  const [cstDate, setCstDate] = useState(row.cstDate ?? '');
  const [cstOpinion, setCstOpinion] = useState<string>(row.cstOpinion ?? '');
  const result = to === 'favorable' || to === 'defavorable';
  const move = useMutation({
    mutationFn: () => {
      const hasVotes = [pour, contre, abstention].some((v) => v.trim() !== '');
      return convApi.move(projectId, row.id, {
        to,
        date: date || null,
        ...(result ? { number: number || null } : {}),
        ...(result && hasVotes ? { votes: { pour: int(pour) ?? 0, contre: int(contre) ?? 0, abstention: int(abstention) ?? 0, membresEnExercice: int(members), voixPreponderantePour: casting } } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(cstRequired && cstDate ? { cstDate, cstOpinion: (cstOpinion || null) as 'favorable' | 'defavorable' | null } : {}),
      });
    },
    onSuccess: onDone,
  });
  const submit = (e: FormEvent) => (e.preventDefault(), move.mutate());
  return (
    <form className="conv-form" onSubmit={submit} aria-label={cm.recordFor(row.body)}>
      <h4>{cm.recordFor(row.body)}</h4>
      <div className="conv-form-grid">
        <SelectField label={cm.moveTo} value={to} onChange={(e) => setTo(e.target.value as DeliberationState)}>
          {row.moves.map((m) => (
            <option key={m} value={m}>{DELIBERATION_STATE_LABELS[m]}</option>
          ))}
        </SelectField>
        {result || to === 'signataire' || to === 'ajournee' ? (
          <TextField label={to === 'signataire' ? cm.signDate : cm.meetingDate} type="date" value={date} onChange={(e) => setDate(e.target.value)} required={result} />
        ) : null}
        {result ? <TextField label={cm.number} value={number} onChange={(e) => setNumber(e.target.value)} maxLength={60} /> : null}
      </div>
      {result ? (
        <fieldset className="conv-votes">
          <legend>{cm.col2.votes}</legend>
          <div className="conv-form-grid">
            <TextField label={cm.votesFor} type="number" min={0} value={pour} onChange={(e) => setPour(e.target.value)} />
            <TextField label={cm.votesAgainst} type="number" min={0} value={contre} onChange={(e) => setContre(e.target.value)} />
            <TextField label={cm.votesAbstention} type="number" min={0} value={abstention} onChange={(e) => setAbstention(e.target.value)} />
            <TextField label={cm.members} type="number" min={0} value={members} onChange={(e) => setMembers(e.target.value)} />
          </div>
          <label className="checkbox-line">
            <input type="checkbox" checked={casting} onChange={(e) => setCasting(e.target.checked)} /> {cm.castingVote}
          </label>
        </fieldset>
      ) : null}
      {result && cstRequired ? (
        <div className="conv-form-grid">
          <TextField label={cm.cstDate} type="date" value={cstDate} onChange={(e) => setCstDate(e.target.value)} />
          <SelectField label={cm.cstOpinion} value={cstOpinion} onChange={(e) => setCstOpinion(e.target.value)}>
            {Object.entries(cm.cstOpinions).map(([k, v]) => (
              <option key={k} value={k}>{v}</option>
            ))}
          </SelectField>
        </div>
      ) : null}
      {to === 'prevue' || to === 'retiree' ? <TextAreaField label={cm.reason} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} required={to === 'prevue'} /> : null}
      {move.error ? <ErrorMessage error={move.error} /> : null}
      <div className="button-row">
        <Button type="submit" busy={move.isPending}>{cm.record}</Button>
        <Button variant="ghost" onClick={onCancel}>{cm.form.cancel}</Button>
      </div>
    </form>
  );
}

/** The CST opinion of a deliberation, which can still be recorded after signature. */
export function CstForm({ projectId, row, onDone, onCancel }: { projectId: string; row: DeliberationDto; onDone: () => void; onCancel: () => void }) {
  const [cstDate, setCstDate] = useState(row.cstDate ?? '');
  const [cstOpinion, setCstOpinion] = useState<string>(row.cstOpinion ?? '');
  const save = useMutation({ mutationFn: () => convApi.details(projectId, row.id, { cstDate: cstDate || null, cstOpinion: (cstOpinion || null) as 'favorable' | 'defavorable' | null }), onSuccess: onDone });
  return (
    <form className="conv-form" onSubmit={(e) => (e.preventDefault(), save.mutate())} aria-label={`${cm.saveDetails} — ${row.body}`}>
      <div className="conv-form-grid">
        <TextField label={cm.cstDate} type="date" value={cstDate} onChange={(e) => setCstDate(e.target.value)} required />
        <SelectField label={cm.cstOpinion} value={cstOpinion} onChange={(e) => setCstOpinion(e.target.value)}>
          {Object.entries(cm.cstOpinions).map(([k, v]) => (
            <option key={k} value={k}>{v}</option>
          ))}
        </SelectField>
      </div>
      {save.error ? <ErrorMessage error={save.error} /> : null}
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>{cm.saveDetails}</Button>
        <Button variant="ghost" onClick={onCancel}>{cm.form.cancel}</Button>
      </div>
    </form>
  );
}
