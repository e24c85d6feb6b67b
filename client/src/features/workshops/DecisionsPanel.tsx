import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { DECISION_KINDS, DECISION_KIND_LABELS, type DecisionKind, type SeanceViewDto } from '../../../../shared/workshops/types.js';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Disclosure } from '../../ui/Disclosure';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { useSeanceAction } from './api';
import { wm } from './messages';

/**
 * Relevé de décisions: decisions and open questions linked to agenda items (and to a poll, an amendment, an
 * arbitration), next to the live compte rendu document. At the end of the séance the server writes them into the
 * compte rendu.
 */
export function DecisionsPanel({ state, control }: { state: SeanceViewDto; control: boolean }) {
  const act = useSeanceAction(state.id);
  const titles = new Map(state.agenda.map((i) => [i.id, i.title]));
  const polls = new Map(state.polls.map((p) => [p.id, p.question]));
  return (
    <section className="seance-panel" aria-labelledby="seance-decisions-title" data-testid="decisions-panel">
      <h3 id="seance-decisions-title">{wm.decisionsTitle}</h3>
      {state.compteRenduId ? (
        <p>
          <Link to={`/projets/${encodeURIComponent(state.projectId)}/documents/${encodeURIComponent(state.compteRenduId)}`}>{wm.minutesLink}</Link>
        </p>
      ) : null}
      {state.decisions.length === 0 ? <p className="muted">{wm.decisionsEmpty}</p> : null}
      <ul className="seance-decisions">
        {state.decisions.map((d) => (
          <li key={d.id}>
            <Badge tone={d.kind === 'decision' ? 'info' : 'warning'}>{DECISION_KIND_LABELS[d.kind]}</Badge> {d.text}
            <span className="muted">
              {d.itemId && titles.get(d.itemId) ? ` — ${titles.get(d.itemId)}` : ''}
              {d.pollId && polls.get(d.pollId) ? ` — sondage « ${polls.get(d.pollId)} »` : ''}
              {d.amendmentId ? ` — amendement ${d.amendmentId}` : ''}
              {d.arbitrationId ? ` — arbitrage ${d.arbitrationId}` : ''}
            </span>
            {control && state.status !== 'planifiee' ? (
              <Button variant="ghost" onClick={() => act.mutate({ method: 'DELETE', path: `/decisions/${encodeURIComponent(d.id)}` })} aria-label={wm.remove(d.text)}>
                ✕
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {control && state.status !== 'planifiee' ? <DecisionForm state={state} /> : null}
      {act.isError ? <ErrorMessage error={act.error} /> : null}
    </section>
  );
}

function DecisionForm({ state }: { state: SeanceViewDto }) {
  const act = useSeanceAction(state.id);
  const [kind, setKind] = useState<DecisionKind>('decision');
  const [text, setText] = useState('');
  // Until the facilitator picks one, the decision goes with the item under discussion (it moves with the séance).
  const [picked, setItemId] = useState<string | null>(null);
  const itemId = picked ?? state.currentItemId ?? '';
  const [pollId, setPollId] = useState('');
  const [amendmentId, setAmendmentId] = useState('');
  const [arbitrationId, setArbitrationId] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { kind, text, itemId: itemId || null, pollId: pollId || null, amendmentId: amendmentId.trim() || null, arbitrationId: arbitrationId.trim() || null };
    act.mutate({ path: '/decisions', body }, { onSuccess: () => (setText(''), setItemId(null), setPollId(''), setAmendmentId(''), setArbitrationId('')) });
  };
  return (
    <form className="seance-decision-form" onSubmit={submit} noValidate>
      <SelectField label={wm.decisionKind} value={kind} onChange={(e) => setKind(e.target.value as DecisionKind)}>
        {DECISION_KINDS.map((k) => (
          <option key={k} value={k}>
            {DECISION_KIND_LABELS[k]}
          </option>
        ))}
      </SelectField>
      <TextAreaField label={wm.decisionText} value={text} rows={2} maxLength={2000} required onChange={(e) => setText(e.target.value)} />
      <SelectField label={wm.decisionItem} value={itemId} onChange={(e) => setItemId(e.target.value)}>
        <option value="">—</option>
        {state.agenda.map((i) => (
          <option key={i.id} value={i.id}>
            {i.title}
          </option>
        ))}
      </SelectField>
      <Disclosure summary={wm.links}>
        <SelectField label={wm.decisionPoll} value={pollId} onChange={(e) => setPollId(e.target.value)}>
          <option value="">—</option>
          {state.polls.map((p) => (
            <option key={p.id} value={p.id}>
              {p.question}
            </option>
          ))}
        </SelectField>
        <TextField label={wm.decisionAmendment} value={amendmentId} maxLength={64} onChange={(e) => setAmendmentId(e.target.value)} />
        <TextField label={wm.decisionArbitration} value={arbitrationId} maxLength={64} onChange={(e) => setArbitrationId(e.target.value)} />
      </Disclosure>
      <Button type="submit" busy={act.isPending} disabled={!text.trim()}>
        {wm.record}
      </Button>
      {act.isError ? <ErrorMessage error={act.error} /> : null}
    </form>
  );
}
