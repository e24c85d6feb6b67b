import { useState, type FormEvent } from 'react';
import type { ProjectDto } from '../../../../shared/api/types.js';
import { PHASE_LABELS, PHASES, type Phase } from '../../../../shared/projects/phases.js';
import { api } from '../../api/endpoints';
import { messages } from '../../i18n/messages';
import { Button } from '../../ui/Button';
import { ErrorMessage, SuccessMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/Field';
import { useProjectMutation } from './useProjectMutation';

/**
 * The planned start date of each phase (shown on the timeline; a passed date flags a phase « en retard »).
 * Rendered only with 'project.update'. An emptied field clears the date.
 */
export function PlanEditor({ project }: { project: ProjectDto }) {
  const m = messages.project;
  const [dates, setDates] = useState<Partial<Record<Phase, string>>>(() => ({ ...project.plannedDates }));
  const [saved, setSaved] = useState(false);
  const save = useProjectMutation(project.id, (plan: Partial<Record<Phase, string | null>>) => api.setPlan(project.id, plan));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const plan = Object.fromEntries(PHASES.map((p) => [p, dates[p] || null])) as Record<Phase, string | null>;
    save.mutate(plan, { onSuccess: () => setSaved(true) });
  };

  return (
    <form onSubmit={submit} className="plan-editor">
      <p className="muted">{m.planIntro}</p>
      <div className="plan-grid">
        {PHASES.map((p) => (
          <TextField
            key={p}
            type="date"
            label={PHASE_LABELS[p]}
            value={dates[p] ?? ''}
            onChange={(e) => setDates((d) => ({ ...d, [p]: e.target.value }))}
          />
        ))}
      </div>
      {save.isError ? <ErrorMessage error={save.error} /> : null}
      {saved ? <SuccessMessage>{m.planSaved}</SuccessMessage> : null}
      <Button type="submit" variant="secondary" busy={save.isPending} busyLabel={messages.common.saving}>
        {m.planSubmit}
      </Button>
    </form>
  );
}
