/**
 * What the action plan, convention, deliberations and follow-up routes answer (JSON). Dates are YYYY-MM-DD, instants
 * ISO 8601 UTC, money integer cents.
 */
import type { AdoptionStatus } from '../scenarios/adoption.js';
import type { DeliberationState } from '../scenarios/deliberations.js';
import type { Instrument } from '../scenarios/instruments.js';
import type { ActionStatus, LeadKind, Progress, TimelineBar } from './action-plan.js';
import type { EvaluationIndicator } from './evaluation.js';

/** Someone, as shown next to what they did. */
export type PersonRef = { id: string; name: string };
/** A co-written document this feature generated. */
export type DocRef = { id: string; title: string };

export type ObjectiveDto = { id: string; label: string; position: number };

export type ActionDto = {
  id: string;
  title: string;
  description: string;
  objectiveId: string | null;
  leadKind: LeadKind;
  leadId: string | null;
  /** « Intercommunalité », the commune's or the partner's name. */
  leadLabel: string;
  partners: string[];
  startDate: string | null;
  deadline: string | null;
  budgetCents: number | null;
  indicator: string;
  status: ActionStatus;
  late: boolean;
  updatedAt: string;
  updatedBy: PersonRef;
};

/** `GET /api/projects/:projectId/action-plan`. */
export type ActionPlanDto = {
  objectives: ObjectiveDto[];
  actions: ActionDto[];
  progress: { overall: Progress; byObjective: (Progress & { objectiveId: string | null })[] };
  timeline: { from: string | null; to: string | null; bars: TimelineBar[]; undated: string[] };
  /** Who may lead an action: the communes of the project and the territory's partners. */
  leads: { communes: { id: string; name: string }[]; partners: { id: string; name: string }[] };
  can: { write: boolean };
  today: string;
};

export type AvenantDto = {
  id: string;
  number: number;
  kind: 'adhesion';
  communeId: string;
  communeName: string;
  document: DocRef;
  status: 'en_cours' | 'adopte';
  effectiveOn: string | null;
  adoptedAt: string | null;
  signedVersionId: string | null;
  adoption: AdoptionStatus;
  createdAt: string;
};

export type WithdrawalDto = {
  id: string;
  communeId: string;
  communeName: string;
  decidedOn: string;
  effectiveOn: string;
  effects: string;
  deliberationRef: string | null;
  createdAt: string;
  createdBy: PersonRef;
};

/** `GET /api/projects/:projectId/convention`. */
export type ConventionDto = {
  projectId: string;
  retainedScenario: { id: string; title: string; instrument: Instrument; instrumentLabel: string } | null;
  /** The scenario the convention was generated from (it may differ if the arbitration changed since). */
  generatedFrom: { scenarioId: string; title: string; instrument: Instrument } | null;
  cadre: DocRef | null;
  convention: DocRef | null;
  ficheImpact: DocRef | null;
  ficheImpactRequired: boolean;
  status: 'absente' | 'brouillon' | 'signee';
  signedAt: string | null;
  signedVersionId: string | null;
  annexesGeneratedAt: string | null;
  arretePrefectoralDate: string | null;
  adoption: AdoptionStatus | null;
  avenants: AvenantDto[];
  withdrawals: WithdrawalDto[];
  can: { generate: boolean; manageMembership: boolean; settings: boolean };
};

/** One council's deliberation. */
export type DeliberationDto = {
  id: string;
  avenantId: string | null;
  bodyKind: 'epci' | 'commune' | 'autre';
  communeId: string | null;
  name: string;
  body: string;
  state: DeliberationState;
  /** `state`, or `retiree` once a withdrawal is recorded for the commune. */
  boardState: DeliberationState;
  number: string | null;
  date: string | null;
  votes: { pour: number; contre: number; abstention: number; membresEnExercice: number | null; voixPreponderantePour: boolean } | null;
  result: 'favorable' | 'defavorable' | null;
  cstDate: string | null;
  cstOpinion: 'favorable' | 'defavorable' | null;
  notifiedOn: string | null;
  signedOn: string | null;
  reason: string | null;
  updatedAt: string;
  /** States the viewer may move it to (empty when they may not record it). */
  moves: DeliberationState[];
  /** May move it (has the right and it is not frozen). */
  canRecord: boolean;
  /** May correct its details (number, CST opinion…), which stays possible after signature. */
  canEditDetails: boolean;
};

/** `GET /api/projects/:projectId/deliberations`: the board of the convention and of each avenant. */
export type DeliberationsBoardDto = {
  instrument: Instrument | null;
  cstRequired: boolean;
  signatureRequired: boolean;
  convention: { rows: DeliberationDto[]; adoption: AdoptionStatus | null; signed: boolean };
  avenants: { avenantId: string; number: number; communeName: string; rows: DeliberationDto[]; adoption: AdoptionStatus; adopted: boolean }[];
};

export type EvaluationDto = {
  id: string;
  year: number;
  indicators: EvaluationIndicator[];
  comments: string;
  decisions: string[];
  computedAt: string;
  createdAt: string;
  createdBy: PersonRef;
  updatedAt: string;
};
