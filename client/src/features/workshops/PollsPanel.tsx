import { lazy, Suspense, useState, type FormEvent } from 'react';
import { POLL_KINDS, POLL_KIND_LABELS, POLL_SCOPE_LABELS, type PollKind, type PollScope } from '../../../../shared/workshops/polls.js';
import type { PollDto, SeanceViewDto } from '../../../../shared/workshops/types.js';
import { useMe } from '../../app/session';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { Disclosure } from '../../ui/Disclosure';
import { useSeanceAction } from './api';
import { communeName } from './format';
import { wm } from './messages';
import type { SelectionReader } from './SeanceDocument';

const PollChart = lazy(async () => ({ default: (await import('./PollChart')).PollChart }));

const optionLabel = (o: string | number) => ({ pour: 'Pour', contre: 'Contre', abstention: 'Abstention' })[o as string] ?? String(o);

/** Quick polls: the facilitator opens (on a question or the selected passage) and closes them; results are live. */
export function PollsPanel({ state, control, participate, selection }: { state: SeanceViewDto; control: boolean; participate: boolean; selection: SelectionReader }) {
  const live = state.status === 'en_cours' || state.status === 'en_pause';
  const polls = [...state.polls].reverse();
  return (
    <section className="seance-panel" aria-labelledby="seance-polls-title" data-testid="polls-panel">
      <h3 id="seance-polls-title">{wm.pollsTitle}</h3>
      {control && live ? (
        <Disclosure summary={wm.newPoll}>
          <PollForm state={state} selection={selection} />
        </Disclosure>
      ) : null}
      {polls.length === 0 ? <p className="muted">{control && live ? wm.pollsEmptyControl : wm.pollsEmpty}</p> : null}
      {polls.map((p) => (
        <PollCard key={p.id} state={state} poll={p} control={control} participate={participate} />
      ))}
    </section>
  );
}

function PollForm({ state, selection }: { state: SeanceViewDto; selection: SelectionReader }) {
  const act = useSeanceAction(state.id);
  const [question, setQuestion] = useState('');
  const [kind, setKind] = useState<PollKind>('pour_contre');
  const [scope, setScope] = useState<PollScope>('personne');
  const [choices, setChoices] = useState('');
  const [quote, setQuote] = useState('');
  const docId = state.follow?.documentId ?? state.compteRenduId;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      question,
      kind,
      scope,
      ...(kind === 'choix' ? { choices: choices.split('\n').map((c) => c.trim()).filter(Boolean) } : {}),
      ...(quote.trim() && docId ? { passage: { documentId: docId, quote: quote.trim() } } : {}),
    };
    act.mutate({ path: '/polls', body }, { onSuccess: () => (setQuestion(''), setChoices(''), setQuote('')) });
  };
  return (
    <form className="seance-poll-form" onSubmit={submit} noValidate>
      <TextField label={wm.pollQuestion} value={question} onChange={(e) => setQuestion(e.target.value)} required maxLength={300} />
      <SelectField label={wm.pollKind} value={kind} onChange={(e) => setKind(e.target.value as PollKind)}>
        {POLL_KINDS.map((k) => (
          <option key={k} value={k}>
            {POLL_KIND_LABELS[k]}
          </option>
        ))}
      </SelectField>
      {kind === 'choix' ? <TextAreaField label={wm.pollChoices} value={choices} rows={3} onChange={(e) => setChoices(e.target.value)} /> : null}
      <fieldset className="seance-scope">
        <legend>{wm.pollScope}</legend>
        {(['personne', 'commune'] as const).map((s) => (
          <label key={s} className="checkbox">
            <input type="radio" name="poll-scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
            <span>
              {POLL_SCOPE_LABELS[s].label}
              <span className="field-hint"> — {POLL_SCOPE_LABELS[s].rule}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <TextAreaField label={wm.pollPassage} value={quote} rows={2} maxLength={1000} onChange={(e) => setQuote(e.target.value)} />
      <div className="button-row">
        <Button variant="ghost" onClick={() => setQuote(selection.current())}>
          {wm.usePassage}
        </Button>
        <Button type="submit" busy={act.isPending}>
          {wm.openPoll}
        </Button>
      </div>
      {act.isError ? <ErrorMessage error={act.error} /> : null}
    </form>
  );
}

function PollCard({ state, poll, control, participate }: { state: SeanceViewDto; poll: PollDto; control: boolean; participate: boolean }) {
  const me = useMe();
  const act = useSeanceAction(state.id);
  const options = poll.results.counts.map((c) => c.option);
  const communeBallot = poll.scope === 'commune' && me.communeId ? poll.communeBallots.find((b) => b.communeId === me.communeId) : undefined;
  const mine = poll.scope === 'commune' ? communeBallot?.value : state.myVotes[poll.id];
  const mayVote = participate && poll.status === 'ouvert' && (poll.scope === 'personne' || (me.role === 'elu_communal' && !!me.communeId));
  const rows = poll.results.counts.map((c) => ({ label: optionLabel(c.option), count: c.count }));
  return (
    <article className="seance-poll" data-testid="poll" data-poll-status={poll.status} aria-labelledby={`poll-${poll.id}`}>
      <h4 id={`poll-${poll.id}`}>{poll.question}</h4>
      <p className="seance-poll-meta">
        <Badge tone={poll.status === 'ouvert' ? 'success' : 'neutral'}>{poll.status === 'ouvert' ? wm.openStatus : wm.closed}</Badge>{' '}
        <span className="muted">
          {POLL_SCOPE_LABELS[poll.scope].label} — {POLL_SCOPE_LABELS[poll.scope].rule}
        </span>
      </p>
      {poll.passage ? <blockquote className="seance-poll-passage">« {poll.passage.quote} »</blockquote> : null}
      {mayVote ? (
        <div className="seance-vote" role="group" aria-label={poll.scope === 'commune' ? wm.communeVote : wm.vote}>
          {options.map((o) => (
            <Button key={String(o)} variant={mine === o ? 'primary' : 'secondary'} aria-pressed={mine === o} onClick={() => act.mutate({ path: `/polls/${encodeURIComponent(poll.id)}/votes`, body: { value: o } })} disabled={act.isPending} data-testid={`vote-${o}`}>
              {optionLabel(o)}
            </Button>
          ))}
        </div>
      ) : poll.status === 'ouvert' && participate ? (
        <p className="muted">{wm.cannotVote}</p>
      ) : null}
      {mine !== undefined ? <p className="muted">{poll.scope === 'commune' ? wm.communeVoted(optionLabel(mine)) : wm.voted(optionLabel(mine))}</p> : null}
      <div className="seance-poll-results" aria-live="polite">
        <p className="seance-poll-summary">
          <strong>{wm.results}</strong> · {wm.ballots(poll.results.ballots)}
          {poll.results.mean !== null ? ` · ${wm.mean(poll.results.mean.toLocaleString('fr-FR'))}` : ''}
        </p>
        <div aria-hidden="true" className="seance-poll-chart">
          <Suspense fallback={null}>{poll.results.ballots > 0 ? <PollChart rows={rows} /> : null}</Suspense>
        </div>
        <ul className="seance-poll-counts">
          {poll.results.counts.map((c) => (
            <li key={String(c.option)} data-testid={`count-${c.option}`} data-count={c.count}>
              {optionLabel(c.option)} : {c.count}
            </li>
          ))}
        </ul>
        {poll.scope === 'commune' && poll.communeBallots.length ? (
          <p className="muted">
            {wm.communesVoted} : {poll.communeBallots.map((b) => `${communeName(state, b.communeId)} (${optionLabel(b.value)})`).join(', ')}
          </p>
        ) : null}
      </div>
      {control && poll.status === 'ouvert' ? (
        <Button variant="secondary" onClick={() => act.mutate({ path: `/polls/${encodeURIComponent(poll.id)}/close` })} disabled={act.isPending}>
          {wm.closePoll}
        </Button>
      ) : null}
      {act.isError ? <ErrorMessage error={act.error} /> : null}
    </article>
  );
}
