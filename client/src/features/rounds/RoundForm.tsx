import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { CreateRoundSchema } from '../../../../shared/rounds/api.js';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../../../../shared/documents/kinds.js';
import { PARTICIPATION_LABELS } from '../../../../shared/projects/participation.js';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextAreaField, TextField } from '../../ui/Field';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { can, useProjectContext } from '../projects/useProjectContext';
import { docQ } from '../documents/api';
import { roundQ, useRoundMutations } from './api';
import { rm } from './messages';
import { localInput } from './dates';


/** Opening now, closing in two weeks at 18:00: a usual rhythm for municipal answers. */
function defaultDates(now = new Date()) {
  const closes = new Date(now.getTime() + 14 * 86_400_000);
  closes.setHours(18, 0, 0, 0);
  return { opensAt: localInput(now), closesAt: localInput(closes) };
}

/**
 * The facilitator's form to prepare a round: title, question, scope (documents and scenarios of the project), invited
 * communes (participating and others), dates, partners' comments. « Enregistrer et ouvrir » saves the draft then
 * opens it (which freezes the texts); « Enregistrer le brouillon » only saves.
 */
export function RoundForm() {
  const { project } = useProjectContext();
  const navigate = useNavigate();
  useDocumentTitle(rm.form.title, project.title);
  const documents = useQuery(docQ.list(project.id, false));
  const scenarios = useQuery({ ...roundQ.scenarios(project.id), enabled: can(project, 'scenario.read'), retry: false });
  const { create, open } = useRoundMutations(project.id);
  const invitable = project.participations.filter((p) => p.state !== 'retiree');
  const [dates] = useState(defaultDates);
  const [form, setForm] = useState({
    title: '',
    question: rm.form.questionDefault,
    documentIds: [] as string[],
    scenarioIds: [] as string[],
    invitedCommuneIds: invitable.filter((p) => p.state === 'participante').map((p) => p.communeId),
    opensAt: dates.opensAt,
    closesAt: dates.closesAt,
    partnersMayComment: false,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const toggle = (key: 'documentIds' | 'scenarioIds' | 'invitedCommuneIds', id: string, on: boolean) =>
    setForm((f) => ({ ...f, [key]: on ? [...f[key], id] : f[key].filter((x) => x !== id) }));

  const submit = async (e: FormEvent, andOpen: boolean) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const opens = new Date(form.opensAt);
    const closes = new Date(form.closesAt);
    if (form.documentIds.length + form.scenarioIds.length === 0) found.scope = rm.form.needScope;
    if (form.invitedCommuneIds.length === 0) found.communes = rm.form.needCommune;
    if (Number.isNaN(opens.getTime()) || Number.isNaN(closes.getTime()) || closes <= opens) found.dates = rm.form.badDates;
    const parsed = CreateRoundSchema.safeParse({ ...form, opensAt: Number.isNaN(opens.getTime()) ? '' : opens.toISOString(), closesAt: Number.isNaN(closes.getTime()) ? '' : closes.toISOString() });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        if (key === 'title' || key === 'question') found[key] ??= issue.message;
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || !parsed.success) return;
    const round = await create.mutateAsync(parsed.data).catch(() => null);
    if (!round) return;
    if (andOpen) await open.mutateAsync(round.id).catch(() => null);
    navigate(`/projets/${encodeURIComponent(project.id)}/tours-de-table/${encodeURIComponent(round.id)}`);
  };

  const docs = documents.data ?? [];
  const scenarioChoices = scenarios.data ?? [];
  return (
    <form className="rounds-form" onSubmit={(e) => void submit(e, true)} noValidate aria-labelledby="round-form-title">
      <p>
        <Link to="..">{rm.back}</Link>
      </p>
      <h2 id="round-form-title">{rm.form.title}</h2>
      <p className="muted">{rm.form.intro}</p>
      <TextField label={rm.form.roundTitle} value={form.title} onChange={(e) => set('title', e.target.value)} error={errors.title} required maxLength={200} />
      <TextAreaField label={rm.form.question} value={form.question} onChange={(e) => set('question', e.target.value)} error={errors.question} required rows={3} maxLength={2000} />

      <fieldset className="checkbox-group" aria-describedby="round-docs-hint">
        <legend>{rm.form.documents}</legend>
        <p className="field-hint" id="round-docs-hint">
          {rm.form.documentsHint}
        </p>
        {docs.length === 0 ? <p className="muted">{documents.isPending ? '…' : rm.form.noDocuments}</p> : null}
        {docs.map((d) => (
          <label key={d.id}>
            <input type="checkbox" checked={form.documentIds.includes(d.id)} onChange={(e) => toggle('documentIds', d.id, e.target.checked)} />
            <span>
              {d.title} <span className="muted">({DOCUMENT_KIND_LABELS[d.kind as DocumentKind] ?? d.kind})</span>
            </span>
          </label>
        ))}
        {errors.scope ? (
          <p className="field-error" role="alert">
            {errors.scope}
          </p>
        ) : null}
      </fieldset>

      {scenarioChoices.length > 0 ? (
        <fieldset className="checkbox-group" aria-describedby="round-scn-hint">
          <legend>{rm.form.scenarios}</legend>
          <p className="field-hint" id="round-scn-hint">
            {rm.form.scenariosHint}
          </p>
          {scenarioChoices.map((s) => (
            <label key={s.id}>
              <input type="checkbox" checked={form.scenarioIds.includes(s.id)} onChange={(e) => toggle('scenarioIds', s.id, e.target.checked)} />
              {s.title}
            </label>
          ))}
        </fieldset>
      ) : null}

      <fieldset className="checkbox-group" aria-describedby="round-communes-hint">
        <legend>{rm.form.communes}</legend>
        <p className="field-hint" id="round-communes-hint">
          {rm.form.communesHint}
        </p>
        {invitable.map((p) => (
          <label key={p.communeId}>
            <input type="checkbox" checked={form.invitedCommuneIds.includes(p.communeId)} onChange={(e) => toggle('invitedCommuneIds', p.communeId, e.target.checked)} />
            <span>
              {p.communeName}{' '}
              <span className="muted">
                ({PARTICIPATION_LABELS[p.state].toLowerCase()}, {rm.form.memberLabel(p.member)})
              </span>
            </span>
          </label>
        ))}
        {errors.communes ? (
          <p className="field-error" role="alert">
            {errors.communes}
          </p>
        ) : null}
      </fieldset>

      <div className="rounds-form-dates">
        <TextField label={rm.form.opensAt} type="datetime-local" value={form.opensAt} onChange={(e) => set('opensAt', e.target.value)} required />
        <TextField label={rm.form.closesAt} type="datetime-local" value={form.closesAt} onChange={(e) => set('closesAt', e.target.value)} required error={errors.dates} />
      </div>
      <p className="field-hint rounds-dates-hint" id="round-dates-hint">
        {rm.form.datesHint}
      </p>
      <label className="checkbox-line">
        <input type="checkbox" checked={form.partnersMayComment} onChange={(e) => set('partnersMayComment', e.target.checked)} />
        {rm.form.partners}
      </label>

      {create.isError ? <ErrorMessage error={create.error} /> : null}
      {open.isError ? <ErrorMessage error={open.error} /> : null}
      <div className="rounds-form-actions">
        <Button type="submit" busy={create.isPending || open.isPending} busyLabel={open.isPending ? rm.form.opening : rm.form.saving}>
          {rm.form.saveAndOpen}
        </Button>
        <Button variant="secondary" onClick={(e) => void submit(e, false)} disabled={create.isPending || open.isPending}>
          {rm.form.save}
        </Button>
        <Link to=".." className="btn btn-ghost">
          {rm.form.cancel}
        </Link>
      </div>
    </form>
  );
}
