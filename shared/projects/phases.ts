/**
 * The phase machine of a project (démarche), pure and table-tested.
 *
 * Rules:
 * - Phases are ordered: three reflection steps, then the operational phases.
 * - Forward: exactly one step at a time, by the facilitator or an administrator, and only when the gates of the
 *   target phase are met (later features register gates, e.g. `en_vigueur` once the convention is adopted).
 * - Backward: to any earlier phase, only with a non-empty reason.
 * - Staying in the same phase is not a transition.
 */
export const PHASES = [
  'besoins',
  'perimetre',
  'allocation',
  'diagnostic',
  'scenarios',
  'arbitrage',
  'cadre_strategique',
  'convention',
  'deliberations',
  'en_vigueur',
] as const;

export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  besoins: 'Besoins',
  perimetre: 'Opérationnalité et périmètre',
  allocation: 'Allocation budgétaire et fiscalité',
  diagnostic: 'Diagnostic',
  scenarios: 'Synthèse et scénarios',
  arbitrage: 'Arbitrage',
  cadre_strategique: "Cadre stratégique et plan d'actions",
  convention: 'Convention',
  deliberations: 'Délibérations',
  en_vigueur: 'En vigueur et suivi',
};

/** The first three phases are the reflection steps of the domain; the rest are operational. */
export const REFLECTION_PHASES: readonly Phase[] = ['besoins', 'perimetre', 'allocation'];

export function phaseIndex(phase: Phase): number {
  return PHASES.indexOf(phase);
}

export function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}

/** A gate: returns a French explanation when the target phase may not be entered yet, or null. */
export type PhaseGate = (target: Phase) => string | null;

export type TransitionRequest = {
  from: Phase;
  to: Phase;
  reason?: string | null;
  /** Facilitator of the project or administrator; anyone else is refused. */
  actorMayControl: boolean;
  gates?: readonly PhaseGate[];
};

export type TransitionVerdict =
  | { ok: true; direction: 'forward' | 'backward' }
  | { ok: false; code: 'not_allowed' | 'same_phase' | 'skip_forward' | 'reason_required' | 'gate_closed'; message: string };

/** Decides whether a phase transition is allowed, with a French message when it is not. */
export function checkTransition(req: TransitionRequest): TransitionVerdict {
  if (!req.actorMayControl) {
    return { ok: false, code: 'not_allowed', message: "Seul·e l'animateur·rice du projet ou un·e administrateur·rice peut changer de phase." };
  }
  const from = phaseIndex(req.from);
  const to = phaseIndex(req.to);
  if (from === to) return { ok: false, code: 'same_phase', message: 'Le projet est déjà dans cette phase.' };
  if (to > from) {
    if (to !== from + 1) {
      return { ok: false, code: 'skip_forward', message: `On avance d'une phase à la fois : la prochaine est « ${PHASE_LABELS[PHASES[from + 1]]} ».` };
    }
    for (const gate of req.gates ?? []) {
      const refusal = gate(req.to);
      if (refusal) return { ok: false, code: 'gate_closed', message: refusal };
    }
    return { ok: true, direction: 'forward' };
  }
  if (!req.reason || req.reason.trim().length < 3) {
    return { ok: false, code: 'reason_required', message: 'Un retour en arrière doit être motivé (raison obligatoire).' };
  }
  return { ok: true, direction: 'backward' };
}

export type PhaseStatus = 'done' | 'current' | 'planned';

/** Timeline entry for the project home: status of each phase and whether a planned date is overdue. */
export function phaseTimeline(
  current: Phase,
  plannedDates: Partial<Record<Phase, string | null>>,
  today: string,
): { phase: Phase; label: string; status: PhaseStatus; plannedDate: string | null; late: boolean }[] {
  const currentIdx = phaseIndex(current);
  return PHASES.map((phase, i) => {
    const status: PhaseStatus = i < currentIdx ? 'done' : i === currentIdx ? 'current' : 'planned';
    const plannedDate = plannedDates[phase] ?? null;
    // A phase is late when its planned start date has passed and it has not been reached yet.
    const late = status === 'planned' && plannedDate !== null && plannedDate < today;
    return { phase, label: PHASE_LABELS[phase], status, plannedDate, late };
  });
}
