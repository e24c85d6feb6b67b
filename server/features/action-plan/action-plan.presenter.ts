/** Action plan rows → API DTOs. */
import { isLate, type ActionStatus, type LeadKind } from '../../../shared/convention/action-plan.js';
import type { ActionDto, ObjectiveDto } from '../../../shared/convention/api.js';
import { LEAD_KIND_LABELS } from '../../../shared/convention/action-plan.js';
import type { ActionRow, ObjectiveRow } from './action-plan.repo.js';

export const presentObjective = (o: ObjectiveRow): ObjectiveDto => ({ id: o.id, label: o.label, position: o.position });

/** An action with its lead's name and whether it is late on `today`. */
export function presentAction(a: ActionRow, updatedByName: string, names: Map<string, string>, today: string): ActionDto {
  const leadId = a.leadKind === 'commune' ? a.leadCommuneId : a.leadKind === 'partenaire' ? a.leadPartnerId : null;
  const status = a.status as ActionStatus;
  return {
    id: a.id,
    title: a.title,
    description: a.description,
    objectiveId: a.objectiveId,
    leadKind: a.leadKind as LeadKind,
    leadId,
    leadLabel: leadId ? (names.get(leadId) ?? leadId) : LEAD_KIND_LABELS.epci,
    partners: a.partners,
    startDate: a.startDate,
    deadline: a.deadline,
    budgetCents: a.budgetCents,
    indicator: a.indicator,
    status,
    late: isLate({ deadline: a.deadline, status }, today),
    updatedAt: a.updatedAt,
    updatedBy: { id: a.updatedBy, name: updatedByName },
  };
}
