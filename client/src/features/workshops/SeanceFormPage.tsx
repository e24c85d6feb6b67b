import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ROLE_LABELS } from '../../../../shared/auth/roles.js';
import { SEANCE_BODIES, SEANCE_BODY_LABELS, type SeanceBody } from '../../../../shared/workshops/bodies.js';
import { CreateSeanceSchema, type SeanceViewDto } from '../../../../shared/workshops/types.js';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField, TextField } from '../../ui/Field';
import { QueryState } from '../../ui/QueryState';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useProjectContext } from '../projects/useProjectContext';
import { useSeanceMutations, wsQ } from './api';
import { AgendaBuilder, type DraftItem } from './AgendaBuilder';
import { toLocalInput } from './format';
import { wm } from './messages';

type Draft = {
  title: string;
  body: SeanceBody;
  startsAt: string;
  location: string;
  videoUrl: string;
  invitedCommuneIds: string[];
  invitedUserIds: string[];
  agenda: DraftItem[];
};

function draftOf(view: SeanceViewDto | null): Draft {
  if (!view) {
    const soon = new Date(Date.now() + 7 * 86_400_000);
    soon.setHours(14, 0, 0, 0);
    return { title: '', body: 'copil', startsAt: toLocalInput(soon.toISOString()), location: '', videoUrl: '', invitedCommuneIds: [], invitedUserIds: [], agenda: [{ key: 'new-0', title: 'Accueil et ordre du jour', plannedMinutes: 10, outcome: 'information' }] };
  }
  return {
    title: view.title,
    body: view.body,
    startsAt: toLocalInput(view.startsAt),
    location: view.location,
    videoUrl: view.videoUrl ?? '',
    invitedCommuneIds: view.invitedCommuneIds,
    invitedUserIds: view.invitedUserIds,
    agenda: view.agenda.map((i) => ({ ...i, key: i.id })),
  };
}

/** `/projets/:projectId/seances/nouvelle` and `…/:seanceId/modifier`: the preparation form (facilitator). */
export function SeanceFormPage() {
  const { seanceId } = useParams();
  const detail = useQuery({ ...wsQ.detail(seanceId ?? ''), enabled: !!seanceId });
  if (!seanceId) return <SeanceForm view={null} />;
  return <QueryState query={detail}>{(view) => <SeanceForm view={view} />}</QueryState>;
}

function SeanceForm({ view }: { view: SeanceViewDto | null }) {
  const { project } = useProjectContext();
  useDocumentTitle(view ? wm.editTitle : wm.newTitle, project.title);
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const [error, setError] = useState<string | null>(null);
  const invitables = useQuery(wsQ.invitables(project.id));
  const { create, update } = useSeanceMutations(project.id);
  const navigate = useNavigate();
  const base = `/projets/${encodeURIComponent(project.id)}/seances`;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const communes = project.participations.filter((p) => p.state !== 'retiree');
  const mutation = view ? update : create;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const start = new Date(draft.startsAt);
    const input = {
      title: draft.title,
      body: draft.body,
      startsAt: Number.isNaN(start.getTime()) ? '' : start.toISOString(),
      location: draft.location,
      videoUrl: draft.videoUrl.trim() || null,
      invitedCommuneIds: draft.invitedCommuneIds,
      invitedUserIds: draft.invitedUserIds,
      agenda: draft.agenda.map(({ key: _key, ...item }) => item),
    };
    const parsed = CreateSeanceSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return setError(issue ? `${issue.path.join(' › ') || 'Formulaire'} : ${issue.message}` : 'Formulaire incomplet.');
    }
    setError(null);
    const go = (v: SeanceViewDto) => navigate(`${base}/${encodeURIComponent(v.id)}`);
    if (view) update.mutate({ id: view.id, input }, { onSuccess: go });
    else create.mutate(input, { onSuccess: go });
  };

  return (
    <form className="seance-form" onSubmit={submit} noValidate aria-labelledby="seance-form-title">
      <p className="doc-back">
        <Link to={view ? `${base}/${encodeURIComponent(view.id)}` : base}>← {view ? wm.backToRoom : wm.back}</Link>
      </p>
      <h2 id="seance-form-title">{view ? wm.editTitle : wm.newTitle}</h2>
      <div className="seance-form-grid">
        <TextField label={wm.fieldTitle} value={draft.title} required maxLength={200} onChange={(e) => set({ title: e.target.value })} />
        <SelectField label={wm.fieldBody} value={draft.body} onChange={(e) => set({ body: e.target.value as SeanceBody })}>
          {SEANCE_BODIES.map((b) => (
            <option key={b} value={b}>
              {SEANCE_BODY_LABELS[b]}
            </option>
          ))}
        </SelectField>
        <TextField label={wm.fieldDate} hint={wm.fieldDateHint} type="datetime-local" required value={draft.startsAt} onChange={(e) => set({ startsAt: e.target.value })} />
        <TextField label={wm.fieldLocation} hint={wm.fieldLocationHint} value={draft.location} maxLength={300} onChange={(e) => set({ location: e.target.value })} />
        <TextField label={wm.fieldVideo} hint={wm.fieldVideoHint} type="url" value={draft.videoUrl} maxLength={500} onChange={(e) => set({ videoUrl: e.target.value })} />
      </div>
      <div className="seance-form-invites">
        <fieldset className="checkbox-group">
          <legend>{wm.invitedCommunes}</legend>
          <p className="field-hint">{wm.invitedCommunesHint}</p>
          {communes.map((c) => (
            <label key={c.communeId} className="checkbox">
              <input type="checkbox" checked={draft.invitedCommuneIds.includes(c.communeId)} onChange={() => set({ invitedCommuneIds: toggle(draft.invitedCommuneIds, c.communeId) })} />
              {c.communeName}
            </label>
          ))}
        </fieldset>
        <fieldset className="checkbox-group">
          <legend>{wm.invitedPeople}</legend>
          <p className="field-hint">{wm.invitedPeopleHint}</p>
          <QueryState query={invitables}>
            {(people) => (
              <div className="checkbox-scroll">
                {people.map((p) => (
                  <label key={p.id} className="checkbox">
                    <input type="checkbox" checked={draft.invitedUserIds.includes(p.id)} onChange={() => set({ invitedUserIds: toggle(draft.invitedUserIds, p.id) })} />
                    <span>
                      {p.name}
                      <span className="muted"> — {ROLE_LABELS[p.role]}{p.communeName ? `, ${p.communeName}` : ''}</span>
                    </span>
                  </label>
                ))}
              </div>
            )}
          </QueryState>
        </fieldset>
      </div>
      <AgendaBuilder projectId={project.id} items={draft.agenda} onChange={(agenda) => set({ agenda })} />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {mutation.isError ? <ErrorMessage error={mutation.error} /> : null}
      <div className="button-row">
        <Button type="submit" busy={mutation.isPending} busyLabel={wm.saving}>
          {view ? wm.save : wm.createSubmit}
        </Button>
        <Link className="btn btn-ghost" to={view ? `${base}/${encodeURIComponent(view.id)}` : base}>
          {wm.cancel}
        </Link>
      </div>
    </form>
  );
}
