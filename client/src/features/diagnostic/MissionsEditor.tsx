import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/errors';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { diagApi, diagKeys } from './api';
import { useDiagnostic } from './EditorContext';
import { dm } from './messages';

/** The project's own missions, added to the built-in jeunesse list (EPCI staff and the facilitator). */
export function MissionsEditor() {
  const ctx = useDiagnostic();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const [description, setDescription] = useState('');
  const [message, setMessage] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: diagKeys.all(ctx.projectId) });
  const add = useMutation({
    mutationFn: () => diagApi.addMission(ctx.projectId, label.trim(), description.trim() || undefined),
    onSuccess: async (m) => {
      setLabel('');
      setDescription('');
      setMessage(dm.missions.added(m.label));
      await refresh();
    },
    onError: (e) => setMessage(errorMessage(e)),
  });
  const remove = useMutation({
    mutationFn: (key: string) => diagApi.removeMission(ctx.projectId, key),
    onSuccess: async () => {
      setMessage(dm.missions.removed);
      await refresh();
    },
    onError: (e) => setMessage(errorMessage(e)),
  });
  const custom = ctx.overview.missions.filter((m) => m.custom);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (label.trim().length >= 2) add.mutate();
  };

  return (
    <details className="disclosure diag-missions">
      <summary>{dm.missions.title}</summary>
      <p className="muted">{dm.missions.intro}</p>
      {custom.length ? (
        <ul className="plain-list">
          {custom.map((m) => (
            <li key={m.key}>
              <strong>{m.label}</strong> {m.description ? <span className="muted">— {m.description}</span> : null}{' '}
              <Button variant="ghost" onClick={() => remove.mutate(m.key)} aria-label={dm.missions.remove(m.label)}>
                {dm.missions.removeShort}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <form className="diag-mission-form" onSubmit={submit}>
        <TextField label={dm.missions.label} value={label} onChange={(e) => setLabel(e.target.value)} required maxLength={120} />
        <TextField label={dm.missions.description} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={1000} />
        <Button type="submit" busy={add.isPending}>{dm.missions.add}</Button>
      </form>
      <p role="status" aria-live="polite" className="diag-status-message">{message}</p>
    </details>
  );
}
