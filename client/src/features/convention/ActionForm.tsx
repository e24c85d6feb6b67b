import { useState, type FormEvent } from 'react';
import type { ActionDto, ActionPlanDto } from '../../../../shared/convention/api.js';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, LEAD_KINDS, LEAD_KIND_LABELS, type ActionInput, type LeadKind } from '../../../../shared/convention/action-plan.js';
import { centsToEuroText, parseMoneyCents } from '../../../../shared/diagnostic/numbers.js';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { cm } from './messages';

/**
 * Creates or edits an action: title, description, objective, lead (EPCI, a commune of the project or a partner),
 * partners, start and deadline, budget in euros, indicator, status. The server checks everything again.
 */
export function ActionForm({ plan, action, busy, error, onSubmit, onCancel }: {
  plan: ActionPlanDto;
  action?: ActionDto;
  busy: boolean;
  error: unknown;
  onSubmit: (body: Partial<ActionInput>) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(action?.title ?? '');
  const [description, setDescription] = useState(action?.description ?? '');
  const [objectiveId, setObjectiveId] = useState(action?.objectiveId ?? '');
  const [leadKind, setLeadKind] = useState<LeadKind>(action?.leadKind ?? 'epci');
  const [leadId, setLeadId] = useState(action?.leadId ?? '');
  const [partners, setPartners] = useState(action?.partners.join(', ') ?? '');
  const [startDate, setStartDate] = useState(action?.startDate ?? '');
  const [deadline, setDeadline] = useState(action?.deadline ?? '');
  const [budget, setBudget] = useState(action?.budgetCents === null || action?.budgetCents === undefined ? '' : centsToEuroText(action.budgetCents));
  const [indicator, setIndicator] = useState(action?.indicator ?? '');
  const [status, setStatus] = useState(action?.status ?? 'a_lancer');
  const [budgetError, setBudgetError] = useState<string | null>(null);

  const leads = leadKind === 'commune' ? plan.leads.communes : leadKind === 'partenaire' ? plan.leads.partners : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    let budgetCents: number | null = null;
    if (budget.trim()) {
      const parsed = parseMoneyCents(budget);
      if (!parsed.ok) return setBudgetError(cm.form.badBudget);
      budgetCents = parsed.value;
    }
    setBudgetError(null);
    onSubmit({
      title: title.trim(),
      description,
      objectiveId: objectiveId || null,
      leadKind,
      leadId: leadKind === 'epci' ? null : leadId || null,
      partners: partners.split(',').map((x) => x.trim()).filter(Boolean),
      startDate: startDate || null,
      deadline: deadline || null,
      budgetCents,
      indicator,
      status,
    });
  };

  return (
    <form className="conv-form" onSubmit={submit} aria-label={action ? cm.form.editTitle : cm.form.newTitle}>
      <h4>{action ? cm.form.editTitle : cm.form.newTitle}</h4>
      <TextField label={cm.form.title} value={title} onChange={(e) => setTitle(e.target.value)} required minLength={3} maxLength={200} />
      <TextAreaField label={cm.form.description} value={description} onChange={(e) => setDescription(e.target.value)} rows={2} maxLength={4000} />
      <div className="conv-form-grid">
        <SelectField label={cm.form.objective} value={objectiveId} onChange={(e) => setObjectiveId(e.target.value)}>
          <option value="">{cm.noObjective}</option>
          {plan.objectives.map((o) => (
            <option key={o.id} value={o.id}>{o.label}</option>
          ))}
        </SelectField>
        <SelectField label={cm.form.status} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>{ACTION_STATUS_LABELS[s]}</option>
          ))}
        </SelectField>
        <SelectField label={cm.form.leadKind} value={leadKind} onChange={(e) => (setLeadKind(e.target.value as LeadKind), setLeadId(''))}>
          {LEAD_KINDS.map((k) => (
            <option key={k} value={k}>{LEAD_KIND_LABELS[k]}</option>
          ))}
        </SelectField>
        {leadKind !== 'epci' ? (
          <SelectField label={cm.form.lead} value={leadId} onChange={(e) => setLeadId(e.target.value)} required>
            <option value="">{cm.form.choose}</option>
            {leads.map((l) => (
              <option key={l.id} value={l.id}>{l.name}</option>
            ))}
          </SelectField>
        ) : null}
        <TextField label={cm.form.startDate} type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
        <TextField label={cm.form.deadline} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        <TextField label={cm.form.budget} hint={cm.form.budgetHint} inputMode="decimal" value={budget} onChange={(e) => setBudget(e.target.value)} error={budgetError} />
        <TextField label={cm.form.partners} hint={cm.form.partnersHint} value={partners} onChange={(e) => setPartners(e.target.value)} />
      </div>
      <TextField label={cm.form.indicator} value={indicator} onChange={(e) => setIndicator(e.target.value)} maxLength={500} />
      {error ? <ErrorMessage error={error} /> : null}
      <div className="button-row">
        <Button type="submit" busy={busy}>{cm.form.submit}</Button>
        <Button variant="ghost" onClick={onCancel}>{cm.form.cancel}</Button>
      </div>
    </form>
  );
}
