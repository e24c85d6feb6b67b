import { useState } from 'react';
import type { ParticipationDto, ProjectDto } from '../../../../shared/api/types.js';
import { PARTICIPATION_LABELS, PARTICIPATION_STATES, type ParticipationState } from '../../../../shared/projects/participation.js';
import { api } from '../../api/endpoints';
import { messages } from '../../i18n/messages';
import { formatDate } from '../../i18n/format';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useProjectMutation } from './useProjectMutation';

const STATE_TONE: Record<ParticipationState, BadgeTone> = {
  participante: 'success',
  invitee: 'info',
  observatrice: 'neutral',
  retiree: 'danger',
};

/**
 * Participation of each commune (progressive pooling: each has its own state and date). The « Modifier » column
 * exists only when the server grants 'project.participation.manage'.
 */
export function ParticipationsTable({ project, canManage }: { project: ProjectDto; canManage: boolean }) {
  const m = messages.project;
  const rows = [...project.participations].sort((a, b) => a.communeName.localeCompare(b.communeName, 'fr'));
  if (rows.length === 0) return <p className="muted">{m.participationsEmpty}</p>;
  // Phones: the date moves under the commune name and, for managers, the selector (which shows the state) replaces
  // the state column, so that no column hides off-screen.
  const stateClass = canManage ? 'only-wide' : undefined;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="participations-caption">
      <table className="table" data-testid="participations-table">
        <caption id="participations-caption" className="visually-hidden">
          {m.participationsCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.colCommune}</th>
            <th scope="col" className={stateClass}>
              {m.colState}
            </th>
            <th scope="col" className="only-wide">
              {m.colSince}
            </th>
            {canManage ? (
              <th scope="col">
                <span className="only-wide">{m.colChange}</span>
                <span className="only-narrow">{m.colState}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.communeId}>
              <th scope="row">
                {row.communeName}
                {row.member ? null : (
                  <>
                    {' '}
                    <Badge tone="warning">{messages.common.outside}</Badge>
                  </>
                )}
                <span className="cell-sub only-narrow">{m.sinceShort(formatDate(row.since))}</span>
              </th>
              <td className={stateClass}>
                <Badge tone={STATE_TONE[row.state]}>{PARTICIPATION_LABELS[row.state]}</Badge>
              </td>
              <td className="nowrap only-wide">{formatDate(row.since)}</td>
              {canManage ? (
                <td>
                  {/* Keyed by the server state: a change made elsewhere resets the local choice. */}
                  <StateEditor key={`${row.state}-${row.since}`} projectId={project.id} row={row} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Select + save button for one commune. Changing the select alone never submits (no surprise for keyboard users);
 * the button appears right after the select, next in tab order, once a different state is chosen.
 */
function StateEditor({ projectId, row }: { projectId: string; row: ParticipationDto }) {
  const m = messages.project;
  const [state, setState] = useState<ParticipationState>(row.state);
  const save = useProjectMutation(projectId, (s: ParticipationState) => api.setParticipation(projectId, row.communeId, s));
  const selectId = `participation-${row.communeId}`;
  return (
    <div className="inline-form">
      <label htmlFor={selectId} className="visually-hidden">
        {m.changeStateLabel(row.communeName)}
      </label>
      <select id={selectId} value={state} onChange={(e) => setState(e.target.value as ParticipationState)}>
        {PARTICIPATION_STATES.map((s) => (
          <option key={s} value={s}>
            {PARTICIPATION_LABELS[s]}
          </option>
        ))}
      </select>
      {state !== row.state || save.isPending ? (
        <Button
          variant="secondary"
          busy={save.isPending}
          busyLabel={messages.common.saving}
          onClick={() => save.mutate(state)}
          aria-label={`${messages.common.save} : ${row.communeName}`}
        >
          {messages.common.save}
        </Button>
      ) : null}
      {save.isError ? <ErrorMessage error={save.error} /> : null}
    </div>
  );
}
