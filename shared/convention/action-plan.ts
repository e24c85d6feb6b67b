/**
 * The action plan that breaks the cadre stratégique down: actions with a lead, partners, a deadline, a budget, an
 * indicator, a status and the objective they serve; its progress and its timeline, as pure functions.
 *
 * Rules:
 * - Status is set by people: à lancer, en cours, terminée, abandonnée. « En retard » is derived, never stored: an
 *   action not finished nor abandoned whose deadline has passed.
 * - Progress of the plan = finished actions ÷ actions that still count (abandoned ones are left out), in %.
 * - The timeline runs from each action's start date (or its deadline alone, shown as a milestone) to its deadline;
 *   actions without a deadline are listed apart, they cannot be placed.
 */
import { z } from 'zod';

/** Statuses of an action. */
export const ACTION_STATUSES = ['a_lancer', 'en_cours', 'terminee', 'abandonnee'] as const;
/** Status of an action. */
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** French labels of the statuses. */
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { a_lancer: 'À lancer', en_cours: 'En cours', terminee: 'Terminée', abandonnee: 'Abandonnée' };

/** Who leads an action. */
export const LEAD_KINDS = ['epci', 'commune', 'partenaire'] as const;
/** Kind of lead. */
export type LeadKind = (typeof LEAD_KINDS)[number];
/** French labels of the lead kinds. */
export const LEAD_KIND_LABELS: Record<LeadKind, string> = { epci: 'Intercommunalité', commune: 'Commune', partenaire: 'Partenaire' };

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ');
const text = (max: number) => z.string().trim().max(max, `${max} caractères au plus`);

const id = z.string().min(1).max(64);
/** The fields of an action, without defaults (a PATCH must not reset what it does not mention). */
const ACTION_FIELDS = {
  title: text(200).min(3, 'Titre trop court (3 caractères au moins)'),
  description: text(4000),
  objectiveId: id.nullable(),
  leadKind: z.enum(LEAD_KINDS, { error: 'Pilote : intercommunalité, commune ou partenaire' }),
  /** The commune (lead `commune`) or partner organisation (lead `partenaire`); null for the EPCI. */
  leadId: id.nullable(),
  partners: z.array(text(120).min(1)).max(20),
  startDate: date.nullable(),
  deadline: date.nullable(),
  budgetCents: z.number().int().min(0).max(1e13).nullable(),
  indicator: text(500),
  status: z.enum(ACTION_STATUSES),
};

/** Body of `POST …/action-plan/actions`. */
export const ActionInputSchema = z
  .object({
    ...ACTION_FIELDS,
    description: ACTION_FIELDS.description.default(''),
    objectiveId: ACTION_FIELDS.objectiveId.default(null),
    leadId: ACTION_FIELDS.leadId.default(null),
    partners: ACTION_FIELDS.partners.default([]),
    startDate: ACTION_FIELDS.startDate.default(null),
    deadline: ACTION_FIELDS.deadline.default(null),
    budgetCents: ACTION_FIELDS.budgetCents.default(null),
    indicator: ACTION_FIELDS.indicator.default(''),
    status: ACTION_FIELDS.status.default('a_lancer'),
  })
  .strict();
/** Input of an action. */
export type ActionInput = z.infer<typeof ActionInputSchema>;
/** Body of `PATCH …/actions/{id}`: only the fields it mentions change. */
export const ActionPatchSchema = z.object(ACTION_FIELDS).partial().strict();

/** Body of `POST …/action-plan/objectives` and PATCH. */
export const ObjectiveInputSchema = z.object({ label: text(200).min(3, 'Libellé trop court (3 caractères au moins)') }).strict();

/** The facts of an action the computations read. */
export type PlanAction = { id: string; title: string; objectiveId: string | null; startDate: string | null; deadline: string | null; budgetCents: number | null; status: ActionStatus };

/** True when the action should be finished by now and is not. */
export function isLate(a: Pick<PlanAction, 'deadline' | 'status'>, today: string): boolean {
  return !!a.deadline && a.deadline < today && (a.status === 'a_lancer' || a.status === 'en_cours');
}

/** Start after the deadline is refused (an action cannot end before it begins). */
export function checkDates(a: { startDate: string | null; deadline: string | null }): string | null {
  if (a.startDate && a.deadline && a.startDate > a.deadline) return 'La date de début doit précéder l’échéance.';
  return null;
}

/** Progress of the plan, or of one objective. */
export type Progress = {
  total: number;
  byStatus: Record<ActionStatus, number>;
  late: number;
  /** Finished ÷ (total − abandoned), in whole %; null when nothing counts. */
  donePct: number | null;
  budgetCents: number;
  /** Actions with an unknown budget (the total is then a minimum). */
  budgetUnknown: number;
};

/** Progress of a list of actions on `today`. */
export function progress(actions: readonly PlanAction[], today: string): Progress {
  const byStatus: Record<ActionStatus, number> = { a_lancer: 0, en_cours: 0, terminee: 0, abandonnee: 0 };
  let budget = 0;
  let unknown = 0;
  for (const a of actions) {
    byStatus[a.status]++;
    if (a.status === 'abandonnee') continue;
    if (a.budgetCents === null) unknown++;
    else budget += a.budgetCents;
  }
  const counted = actions.length - byStatus.abandonnee;
  return {
    total: actions.length,
    byStatus,
    late: actions.filter((a) => isLate(a, today)).length,
    donePct: counted === 0 ? null : Math.round((byStatus.terminee / counted) * 100),
    budgetCents: budget,
    budgetUnknown: unknown,
  };
}

/** Progress overall and per objective (`null` key: actions linked to no objective). */
export function planProgress(actions: readonly PlanAction[], objectiveIds: readonly string[], today: string) {
  return {
    overall: progress(actions, today),
    byObjective: [...objectiveIds, null].map((id) => ({ objectiveId: id, ...progress(actions.filter((a) => a.objectiveId === id), today) })).filter((p) => p.objectiveId !== null || p.total > 0),
  };
}

/** One bar of the timeline: offsets in days from the window start. */
export type TimelineBar = { id: string; title: string; status: ActionStatus; late: boolean; start: string; end: string; milestone: boolean; offsetDays: number; lengthDays: number };

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** The Gantt-like timeline: bars sorted by deadline, the window spanning every dated action; undated ones apart. */
export function timeline(actions: readonly PlanAction[], today: string): { from: string | null; to: string | null; bars: TimelineBar[]; undated: string[] } {
  const dated = actions.filter((a) => a.deadline).sort((a, b) => a.deadline!.localeCompare(b.deadline!) || a.title.localeCompare(b.title, 'fr'));
  if (dated.length === 0) return { from: null, to: null, bars: [], undated: actions.map((a) => a.id) };
  const starts = dated.map((a) => a.startDate ?? a.deadline!);
  const from = [...starts, today].sort()[0];
  const to = [...dated.map((a) => a.deadline!), today].sort().at(-1)!;
  const bars = dated.map((a, i) => ({
    id: a.id,
    title: a.title,
    status: a.status,
    late: isLate(a, today),
    start: starts[i],
    end: a.deadline!,
    milestone: !a.startDate,
    offsetDays: days(from, starts[i]),
    lengthDays: Math.max(0, days(starts[i], a.deadline!)),
  }));
  return { from, to, bars, undated: actions.filter((a) => !a.deadline).map((a) => a.id) };
}
