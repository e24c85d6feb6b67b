import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { COMMUNE_ROLES } from '../../../../shared/auth/roles.js';
import { CreateProgrammeActionSchema, type ProgrammeActionDto } from '../../../../shared/rounds/programme.js';
import { useMe } from '../../app/session';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { QueryState } from '../../ui/QueryState';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { can, useProjectContext } from '../projects/useProjectContext';
import { roundQ, useProgrammeMutations } from './api';
import { rm } from './messages';

const m = rm.programme;

/**
 * Programmes communaux: pick a commune (one's own by default), read its actions, and — for the facilitator, the
 * administrator and the commune's élus and technicians — add, edit or remove them. The server decides; the client
 * only hides the controls it would refuse.
 */
export function ProgrammePage() {
  const { project } = useProjectContext();
  const me = useMe();
  useDocumentTitle(m.title, project.title);
  const communes = project.participations.filter((p) => p.state !== 'retiree');
  const own = communes.find((c) => c.communeId === me.communeId);
  const [communeId, setCommuneId] = useState(own?.communeId ?? communes[0]?.communeId ?? '');
  const programmes = useQuery(roundQ.programmes(project.id));
  const canEdit = can(project, 'programme.write') || (me.communeId === communeId && COMMUNE_ROLES.includes(me.role));
  const commune = communes.find((c) => c.communeId === communeId);

  return (
    <div className="rounds">
      <p>
        <Link to="..">{rm.back}</Link>
      </p>
      <h2>{own && !can(project, 'round.manage') ? `${rm.programmeLink} — ${own.communeName}` : m.title}</h2>
      <p className="muted rounds-intro">{m.intro}</p>
      <div className="rounds-programme-pick">
        <SelectField label={m.commune} value={communeId} onChange={(e) => setCommuneId(e.target.value)}>
          {communes.map((c) => (
            <option key={c.communeId} value={c.communeId}>
              {c.communeName}
            </option>
          ))}
        </SelectField>
      </div>
      <QueryState query={programmes}>
        {(all) => {
          const actions = all.filter((a) => a.communeId === communeId);
          return (
            <section aria-labelledby="programme-list-title">
              <h3 id="programme-list-title">{commune?.communeName}</h3>
              {actions.length === 0 ? (
                <EmptyState title={m.empty} headingLevel={3}>
                  {canEdit ? <p>{m.emptyWrite}</p> : null}
                </EmptyState>
              ) : (
                <ul className="rounds-programme">
                  {actions.map((a) => (
                    <ActionItem key={a.id} action={a} canEdit={canEdit} />
                  ))}
                </ul>
              )}
              {canEdit ? <ActionForm key={communeId} communeId={communeId} /> : null}
            </section>
          );
        }}
      </QueryState>
    </div>
  );
}

function ActionItem({ action, canEdit }: { action: ProgrammeActionDto; canEdit: boolean }) {
  const { project } = useProjectContext();
  const { remove } = useProgrammeMutations(project.id);
  const [editing, setEditing] = useState(false);
  if (editing) return <ActionForm communeId={action.communeId} action={action} onDone={() => setEditing(false)} />;
  return (
    <li className="rounds-programme-item">
      <h4>{action.title}</h4>
      {action.description ? <p>{action.description}</p> : null}
      <p className="muted">
        {m.year(action.plannedYear)} · {action.budgetEuros === null ? m.noBudget : `${m.budgetLabel} : ${formatNumber(action.budgetEuros)} €`}
      </p>
      <p className="muted rounds-small">{m.updatedBy(action.updatedBy.name, formatDateTime(action.updatedAt))}</p>
      {canEdit ? (
        <div className="rounds-inline-actions">
          <Button variant="secondary" onClick={() => setEditing(true)} aria-label={m.editTitle(action.title)}>
            {m.edit}
          </Button>
          <Button variant="ghost" busy={remove.isPending} onClick={() => window.confirm(m.removeConfirm(action.title)) && remove.mutate(action.id)}>
            {m.remove}
          </Button>
        </div>
      ) : null}
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
    </li>
  );
}

/** Adds an action to the commune's programme, or edits `action`. */
function ActionForm({ communeId, action, onDone }: { communeId: string; action?: ProgrammeActionDto; onDone?: () => void }) {
  const { project } = useProjectContext();
  const { create, update } = useProgrammeMutations(project.id);
  const [title, setTitle] = useState(action?.title ?? '');
  const [description, setDescription] = useState(action?.description ?? '');
  const [year, setYear] = useState(action?.plannedYear?.toString() ?? '');
  const [budget, setBudget] = useState(action?.budgetEuros?.toString() ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = action ? update : create;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = CreateProgrammeActionSchema.safeParse({
      title,
      description,
      plannedYear: year.trim() === '' ? null : Number(year),
      budgetEuros: budget.trim() === '' ? null : Number(budget.replace(/\s/g, '')),
    });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    const done = () => {
      if (!action) {
        setTitle('');
        setDescription('');
        setYear('');
        setBudget('');
      }
      onDone?.();
    };
    if (action) update.mutate({ id: action.id, body: parsed.data }, { onSuccess: done });
    else create.mutate({ communeId, body: parsed.data }, { onSuccess: done });
  };

  const Tag = action ? 'li' : 'div';
  return (
    <Tag className={action ? 'rounds-programme-item' : 'rounds-card'}>
      <form onSubmit={submit} noValidate aria-label={action ? m.editTitle(action.title) : m.add}>
        {action ? null : <h4>{m.add}</h4>}
        <TextField label={m.actionTitle} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} required maxLength={200} />
        <TextAreaField label={m.description} value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} rows={2} maxLength={4000} />
        <div className="rounds-form-dates">
          <TextField label={m.plannedYear} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} error={errors.plannedYear} />
          <TextField label={m.budget} inputMode="numeric" value={budget} onChange={(e) => setBudget(e.target.value)} error={errors.budgetEuros} />
        </div>
        {mutation.isError ? <ErrorMessage error={mutation.error} /> : null}
        <div className="rounds-inline-actions">
          <Button type="submit" busy={mutation.isPending} busyLabel={m.saving}>
            {action ? m.save : m.add}
          </Button>
          {onDone ? (
            <Button variant="ghost" onClick={onDone}>
              {m.cancel}
            </Button>
          ) : null}
        </div>
      </form>
    </Tag>
  );
}
