import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ProjectDto } from '../../../../shared/api/types.js';
import { api } from '../../api/endpoints';
import { q } from '../../api/queries';
import { messages } from '../../i18n/messages';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField } from '../../ui/Field';
import { useProjectMutation } from './useProjectMutation';

/**
 * Invites one more commune of the territory (member or associated from outside) into the project: pooling is
 * progressive, communes join over time. Rendered only with 'project.participation.manage'.
 */
export function AddParticipant({ project }: { project: ProjectDto }) {
  const m = messages.project;
  const communes = useQuery(q.communes(project.territoryId));
  const [communeId, setCommuneId] = useState('');
  const invite = useProjectMutation(project.id, (id: string) => api.setParticipation(project.id, id, 'invitee'));
  const present = new Set(project.participations.map((p) => p.communeId));
  const candidates = (communes.data ?? []).filter((c) => !present.has(c.id)).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  if (communes.isSuccess && candidates.length === 0) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (communeId) invite.mutate(communeId, { onSuccess: () => setCommuneId('') });
  };
  return (
    <form className="inline-form add-participant" onSubmit={submit}>
      <SelectField label={m.addCommune} value={communeId} onChange={(e) => setCommuneId(e.target.value)} disabled={!communes.isSuccess}>
        <option value="">{messages.admin.choose}</option>
        {candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {c.member ? c.name : `${c.name} (${messages.common.outside})`}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" disabled={!communeId} busy={invite.isPending} busyLabel={messages.common.saving}>
        {m.addCommuneSubmit}
      </Button>
      {invite.isError ? <ErrorMessage error={invite.error} /> : null}
    </form>
  );
}
