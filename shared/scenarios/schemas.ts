/**
 * Input schemas of the scenarios API, with French messages: the form validates with them before sending and the
 * server validates again. Shape checks only; the legal rules live in `instruments.ts` / `rules.ts` and the figures
 * in `cost-model.ts` / `allocation.ts`.
 */
import { z } from 'zod';
import { INSTRUMENTS, OTHER_PARTY_KINDS } from './instruments.js';
import { KEY_BASES } from './allocation.js';
import { EQUIPMENT_FATES } from './cost-model.js';
import { FINANCING_MODES } from './types.js';
import { ARBITRATION_BODIES, MANAGING_BODY_KINDS, OVERRIDE_FIELDS, type OverrideField } from './model.js';
import { MAX_CENTS } from '../diagnostic/schemas.js';

/** Size limits of a scenario (a form, not a database: a few dozen lines at most in practice). */
export const SCENARIO_LIMITS = {
  title: { min: 3, max: 200 },
  summary: 2000,
  communes: 200,
  posts: 100,
  equipment: 300,
  lines: 50,
  otherParties: 20,
  source: 300,
  reasons: 5000,
  roundIds: 20,
} as const;

const required = (what: string) => (iss: { input?: unknown }) => (iss.input === undefined || iss.input === null ? 'Champ obligatoire.' : what);
const text = (max: number) => z.string({ error: required('Texte attendu.') }).trim().max(max, `${max} caractères au plus.`);
const reqText = (max: number) => text(max).min(1, 'Champ obligatoire.');
const id = z.string({ error: required('Identifiant attendu.') }).min(1, 'Champ obligatoire.').max(64, 'Identifiant trop long.');
const money = z.number({ error: required('Montant attendu.') }).int('Montant en centimes entiers attendu.').min(0, 'Le montant ne peut pas être négatif.').max(MAX_CENTS, 'Montant trop élevé.');
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item, { error: 'Liste attendue.' }).max(max, `${max} éléments au plus.`);
const enumOf = <T extends readonly [string, ...string[]]>(values: T, what: string) => z.enum(values, { error: required(`${what} inconnu·e.`) });

/** Bounds of each overridable figure (the AC may be negative: some communes pay it to the EPCI). */
const OVERRIDE_BOUNDS: Record<OverrideField, [number, number, boolean]> = {
  population: [0, 10_000_000, true],
  currentOperatingCents: [0, MAX_CENTS, true],
  currentRevenueCents: [0, MAX_CENTS, true],
  historicalCostCents: [0, MAX_CENTS, true],
  usageUnits: [0, 100_000_000, false],
  acCents: [-MAX_CENTS, MAX_CENTS, true],
  operatingRevenueCents: [0, MAX_CENTS, true],
};

const overrideOf = (field: OverrideField) => {
  const [min, max, integer] = OVERRIDE_BOUNDS[field];
  let value = z.number({ error: required('Nombre attendu.') }).min(min, `Au moins ${min}.`).max(max, 'Valeur trop élevée.');
  if (integer) value = value.int('Nombre entier attendu.');
  return z.object({ value, source: reqText(SCENARIO_LIMITS.source) }).strict();
};

export const OverrideSchema = overrideOf('usageUnits');

const OverridesSchema = z
  .object(Object.fromEntries(OVERRIDE_FIELDS.map((f) => [f, overrideOf(f).optional()])) as Record<OverrideField, z.ZodOptional<ReturnType<typeof overrideOf>>>)
  .strict();

export const ScenarioCommuneSchema = z.object({ communeId: id, overrides: OverridesSchema.default({}) }).strict();

export const ScenarioPostSchema = z
  .object({
    id: z.string().trim().min(1).max(40),
    label: reqText(200),
    employer: enumOf(['epci', 'commune'] as const, 'Employeur'),
    communeId: id.nullable().default(null),
    category: enumOf(['A', 'B', 'C'] as const, 'Catégorie').nullable().default(null),
    count: z.number({ error: required('Nombre attendu.') }).int('Nombre entier de postes attendu.').min(0, 'Au moins 0.').max(1000, 'Au plus 1 000 postes.'),
    etpPerPost: z.number({ error: required('Quotité attendue.') }).gt(0, 'La quotité doit être positive.').max(1, 'Un poste fait au plus 1 ETP.'),
    loadedCostCents: money,
  })
  .strict();

export const ScenarioEquipmentInputSchema = z
  .object({
    equipmentId: id,
    fate: enumOf(EQUIPMENT_FATES, 'Devenir'),
    runningCostOverride: z.object({ value: money, source: reqText(SCENARIO_LIMITS.source) }).strict().nullable().default(null),
  })
  .strict();

export const AllocationKeySchema = z.union([
  z.object({ kind: enumOf(KEY_BASES, 'Critère') }).strict(),
  z
    .object({
      kind: z.literal('mixte'),
      weights: z
        .object(Object.fromEntries(KEY_BASES.map((b) => [b, z.number().min(0, 'Poids entre 0 et 1.').max(1, 'Poids entre 0 et 1.').optional()])) as Record<(typeof KEY_BASES)[number], z.ZodOptional<z.ZodNumber>>)
        .strict(),
    })
    .strict(),
]);

/** Body of `POST /api/projects/:projectId/scenarios` and, with `revision`, of `PUT /api/scenarios/:scenarioId`. */
export const ScenarioInputSchema = z
  .object({
    title: text(SCENARIO_LIMITS.title.max).min(SCENARIO_LIMITS.title.min, `Titre trop court (${SCENARIO_LIMITS.title.min} caractères au moins).`),
    summary: text(SCENARIO_LIMITS.summary).default(''),
    instrument: enumOf(INSTRUMENTS, 'Instrument juridique'),
    epciParty: z.boolean({ error: 'Oui ou non attendu.' }).default(true),
    managingBody: z
      .object({ kind: enumOf(MANAGING_BODY_KINDS, 'Structure porteuse'), communeId: id.nullable().default(null), name: text(200).default('') })
      .strict()
      .default({ kind: 'epci', communeId: null, name: '' }),
    communes: list(ScenarioCommuneSchema, SCENARIO_LIMITS.communes).default([]),
    otherParties: list(z.object({ kind: enumOf(OTHER_PARTY_KINDS, 'Type de partie'), name: reqText(200) }).strict(), SCENARIO_LIMITS.otherParties).default([]),
    posts: list(ScenarioPostSchema, SCENARIO_LIMITS.posts).default([]),
    equipment: list(ScenarioEquipmentInputSchema, SCENARIO_LIMITS.equipment).default([]),
    otherRunningCents: money.default(0),
    oneOffCosts: list(
      z.object({ label: reqText(200), amountCents: money, amortisationYears: z.number().int('Nombre entier d’années attendu.').min(1, 'Au moins 1 an.').max(50, 'Au plus 50 ans.').nullable().default(null) }).strict(),
      SCENARIO_LIMITS.lines,
    ).default([]),
    revenues: list(z.object({ label: reqText(200), kind: enumOf(['caf', 'autre'] as const, 'Type de recette'), amountCents: money }).strict(), SCENARIO_LIMITS.lines).default([]),
    allocationKey: AllocationKeySchema.nullable().default(null),
    usageUnit: z.string().trim().min(1).max(40).nullable().default(null),
    financingMode: enumOf(FINANCING_MODES, 'Mode de financement').nullable().default(null),
    prestationSharePct: z.number().min(0, 'Au moins 0 %.').max(100, 'Au plus 100 %.').nullable().default(null),
  })
  .strict();
export type ScenarioInput = z.input<typeof ScenarioInputSchema>;
export type ScenarioParsedInput = z.output<typeof ScenarioInputSchema>;

/** `PUT /api/scenarios/:scenarioId`: the whole scenario and the revision it was edited from. */
export const ScenarioUpdateSchema = ScenarioInputSchema.extend({ revision: z.number().int().min(1) });

/** `POST /api/scenarios/:scenarioId/status`: writers present a draft or send it back to draft. */
export const ScenarioStatusSchema = z
  .object({ status: enumOf(['brouillon', 'presente'] as const, 'Statut'), revision: z.number().int().min(1).optional(), reason: text(1000).optional() })
  .strict();

const isoDate = z
  .string({ error: required('Date attendue.') })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ.')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Cette date n’existe pas.');

/** `POST /api/projects/:projectId/arbitrations`. */
export const ArbitrationInputSchema = z
  .object({
    retainedScenarioId: id,
    decisionDate: isoDate,
    body: enumOf(ARBITRATION_BODIES, 'Instance'),
    bodyLabel: text(200).nullable().default(null),
    reasons: reqText(SCENARIO_LIMITS.reasons),
    roundIds: list(id, SCENARIO_LIMITS.roundIds).default([]),
    /** Required to revisit a decision: the id of the arbitration in force (guards against two decisions at once). */
    replacesArbitrationId: id.nullable().default(null),
  })
  .strict();
export type ArbitrationInput = z.input<typeof ArbitrationInputSchema>;

/** `?ids=a,b,c` of the comparison: 2 to 4 distinct ids. */
export const ComparisonQuerySchema = z.object({
  ids: z
    .string({ error: required('Liste d’identifiants attendue.') })
    .max(400)
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(id).min(2, 'Choisissez au moins deux scénarios.').max(4, 'Quatre scénarios au plus.')),
});
