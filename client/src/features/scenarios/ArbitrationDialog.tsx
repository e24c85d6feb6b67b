import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ARBITRATION_BODIES, ARBITRATION_BODY_LABELS, type ArbitrationBody } from '../../../../shared/scenarios/model.js';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { useProjectContext } from '../projects/useProjectContext';
import { scnApi, scnKeys, scnQ } from './api';
import { frDate } from './format';
import { sm } from './messages';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Records the arbitration in a native modal `<dialog>` (focus trapped, Escape closes): the retained scenario among
 * the presented ones (`candidateIds` first), the date, the body, the reasons and the rounds whose results informed it.
 */
export function ArbitrationDialog({ candidateIds = [], onClose }: { candidateIds?: string[]; onClose(): void }) {
  const { project } = useProjectContext();
  const ref = useRef<HTMLDialogElement>(null);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery(scnQ.list(project.id));
  const rounds = useQuery(scnQ.rounds(project.id));
  const eligible = (list.data?.scenarios ?? []).filter((s) => (s.status === 'presente' || (list.data?.arbitration && s.status === 'ecarte')) && !s.summaryFigures.blocking);
  const ordered = [...eligible].sort((a, b) => Number(candidateIds.includes(b.id)) - Number(candidateIds.includes(a.id)));
  const current = list.data?.arbitration ?? null;
  const [retained, setRetained] = useState('');
  const [date, setDate] = useState(today());
  const [body, setBody] = useState<ArbitrationBody>('copil');
  const [bodyLabel, setBodyLabel] = useState('');
  const [reasons, setReasons] = useState('');
  const [roundIds, setRoundIds] = useState<string[]>([]);
  const [replace, setReplace] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const save = useMutation({
    mutationFn: () =>
      scnApi.arbitrate(project.id, { retainedScenarioId: retained || ordered[0]?.id || '', decisionDate: date, body, bodyLabel: body === 'autre' ? bodyLabel : null, reasons, roundIds, replacesArbitrationId: current && replace ? current.id : null }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: scnKeys.all(project.id) });
      ref.current?.close();
      navigate(`/projets/${project.id}/scenarios/arbitrage`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const chosen = retained || ordered[0]?.id || '';
  return (
    <dialog ref={ref} className="scn-dialog" aria-labelledby="arb-title" onClose={onClose} data-testid="arbitration-dialog">
      <form onSubmit={submit} className="stack">
        <h2 id="arb-title">{sm.arbitration.title}</h2>
        <p>{sm.arbitration.intro}</p>
        <fieldset className="scn-fieldset">
          <legend>{sm.arbitration.scenario}</legend>
          {ordered.length === 0 ? <p className="field-hint">{sm.arbitration.onlyPresented}</p> : null}
          {ordered.map((s) => (
            <label key={s.id} className="checkbox-line">
              <input type="radio" name="retained" value={s.id} checked={chosen === s.id} onChange={() => setRetained(s.id)} />
              {s.title}
            </label>
          ))}
        </fieldset>
        <TextField label={sm.arbitration.date} type="date" required max={today()} value={date} onChange={(e) => setDate(e.target.value)} />
        <SelectField label={sm.arbitration.body} value={body} onChange={(e) => setBody(e.target.value as ArbitrationBody)}>
          {ARBITRATION_BODIES.map((b) => (
            <option key={b} value={b}>{ARBITRATION_BODY_LABELS[b]}</option>
          ))}
        </SelectField>
        {body === 'autre' ? <TextField label={sm.arbitration.bodyLabel} required maxLength={200} value={bodyLabel} onChange={(e) => setBodyLabel(e.target.value)} /> : null}
        <TextAreaField label={sm.arbitration.reasons} required rows={4} maxLength={5000} value={reasons} onChange={(e) => setReasons(e.target.value)} />
        <fieldset className="scn-fieldset">
          <legend>{sm.arbitration.rounds}</legend>
          {(rounds.data ?? []).length === 0 ? <p className="field-hint">{sm.arbitration.noRounds}</p> : null}
          {(rounds.data ?? []).map((r) => (
            <label key={r.id} className="checkbox-line">
              <input type="checkbox" checked={roundIds.includes(r.id)} onChange={(e) => setRoundIds((ids) => (e.target.checked ? [...ids, r.id] : ids.filter((x) => x !== r.id)))} />
              {r.title}
            </label>
          ))}
        </fieldset>
        {current ? (
          <label className="checkbox-line">
            <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
            {sm.arbitration.replace(frDate(current.decisionDate))}
          </label>
        ) : null}
        {save.isError ? <ErrorMessage error={save.error} /> : null}
        <div className="button-row">
          <Button type="submit" busy={save.isPending} disabled={!chosen || !reasons.trim() || (!!current && !replace)}>{sm.arbitration.submit}</Button>
          <Button variant="secondary" onClick={() => ref.current?.close()}>{sm.arbitration.cancel}</Button>
        </div>
      </form>
    </dialog>
  );
}
