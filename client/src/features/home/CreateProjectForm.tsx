import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PROJECT_DOMAINS, DOMAIN_LABELS, type ProjectDomain } from '../../../../shared/projects/domains.js';
import { api } from '../../api/endpoints';
import { keys, q } from '../../api/queries';
import type { MeDto } from '../../../../shared/api/types.js';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextAreaField, TextField } from '../../ui/Field';

const m = {
  title: 'Intitulé du projet',
  titleHint: 'Par exemple « Mutualisation du service jeunesse ».',
  description: 'Objet de la démarche',
  domains: 'Domaines concernés',
  domainsHint: 'Au moins un ; une démarche transversale en couvre plusieurs.',
  communes: 'Communes invitées',
  communesHint: 'Elles reçoivent le statut « invitée » ; l’animateur·rice les passe ensuite « participantes ».',
  allCommunes: 'Toutes les communes membres',
  facilitateMyself: 'J’anime ce projet (animateur·rice)',
  submit: 'Créer le projet',
  submitting: 'Création…',
  noDomain: 'Choisissez au moins un domaine.',
};

/**
 * Creates a mutualisation project on the user's territory: title, purpose, domains, invited communes and, for an
 * élu·e, whether they facilitate it. Opens the new project once created.
 */
export function CreateProjectForm({ me, territoryId }: { me: MeDto; territoryId: string }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const communes = useQuery(q.communes(territoryId));
  const members = (communes.data ?? []).filter((c) => c.member);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [domains, setDomains] = useState<ProjectDomain[]>([]);
  const [communeIds, setCommuneIds] = useState<string[] | null>(null);
  const canFacilitate = me.role !== 'administrateur';
  const [facilitate, setFacilitate] = useState(canFacilitate);
  const [domainError, setDomainError] = useState<string | undefined>();
  const invited = communeIds ?? members.map((c) => c.id);

  const create = useMutation({
    mutationFn: api.createProject,
    onSuccess: async (project) => {
      await queryClient.invalidateQueries({ queryKey: keys.projects });
      await navigate(`/projets/${project.id}`);
    },
  });

  const toggle = <T,>(list: T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (domains.length === 0) {
      setDomainError(m.noDomain);
      return;
    }
    setDomainError(undefined);
    create.mutate({
      territoryId,
      title: title.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      domains,
      communeIds: invited,
      ...(canFacilitate && facilitate ? { facilitatorId: me.id } : {}),
    });
  };

  return (
    <form onSubmit={submit} className="create-project">
      <TextField label={m.title} hint={m.titleHint} required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      <TextAreaField label={m.description} rows={3} maxLength={5000} value={description} onChange={(e) => setDescription(e.target.value)} />
      <fieldset className="checkbox-group" aria-describedby="domains-hint">
        <legend>{m.domains}</legend>
        <p id="domains-hint" className="field-hint">
          {m.domainsHint}
        </p>
        {PROJECT_DOMAINS.map((d) => (
          <label key={d}>
            <input type="checkbox" checked={domains.includes(d)} onChange={() => setDomains((l) => toggle(l, d))} /> {DOMAIN_LABELS[d]}
          </label>
        ))}
        {domainError ? (
          <p className="field-error" role="alert">
            {domainError}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="checkbox-group" aria-describedby="communes-hint">
        <legend>{m.communes}</legend>
        <p id="communes-hint" className="field-hint">
          {m.communesHint}
        </p>
        <label>
          <input
            type="checkbox"
            checked={members.length > 0 && invited.length === members.length}
            onChange={(e) => setCommuneIds(e.target.checked ? members.map((c) => c.id) : [])}
          />{' '}
          {m.allCommunes}
        </label>
        {members.map((c) => (
          <label key={c.id}>
            <input type="checkbox" checked={invited.includes(c.id)} onChange={() => setCommuneIds(toggle(invited, c.id))} /> {c.name}
          </label>
        ))}
      </fieldset>
      {canFacilitate ? (
        <label className="checkbox-line">
          <input type="checkbox" checked={facilitate} onChange={(e) => setFacilitate(e.target.checked)} /> {m.facilitateMyself}
        </label>
      ) : null}
      {create.error ? <ErrorMessage error={create.error} /> : null}
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? m.submitting : m.submit}
      </Button>
    </form>
  );
}
