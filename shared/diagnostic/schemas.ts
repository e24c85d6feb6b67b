/**
 * Input schemas of each diagnostic section, with French messages. The API (JSON, money in integer cents), the
 * file import (cells parsed by `parse.ts` first) and the client's inline editing all validate with these.
 */
import { z } from 'zod';
import {
  keysOf, EMPLOYERS, CATEGORIES, AGENT_STATUSES, CADRES_EMPLOIS, QUALIFICATIONS, EQUIPMENT_TYPES, OWNERS, CONDITIONS,
  ACCESSIBILITY, OPENING_PERIODS, USAGE_UNITS, CONSULTATION_KINDS, NEED_KINDS, EXISTENCE, PROVIDERS, POOLING_WISHES,
  PRIORITIES, type Vocab,
} from './vocab.js';
import type { SectionKey } from './sections.js';

/** 10 billion euros: more than any communal budget, far below Number.MAX_SAFE_INTEGER. */
export const MAX_CENTS = 1_000_000_000_000;
/** Value of `residence` for users living outside the territory. */
export const OUTSIDE_TERRITORY = 'hors_territoire';

const required = (what: string) => (iss: { input?: unknown }) => (iss.input === undefined || iss.input === null ? 'Champ obligatoire.' : what);
const text = (max: number) => z.string({ error: required('Texte attendu.') }).trim().max(max, `${max} caractères au plus.`);
const reqText = (max: number) => text(max).min(1, 'Champ obligatoire.');
const id = z.string({ error: required('Identifiant attendu.') }).min(1, 'Champ obligatoire.').max(64, 'Identifiant trop long.');
const int = (min: number, max: number, unit = '') =>
  z.number({ error: required('Nombre attendu.') }).int('Nombre entier attendu.').min(min, `Au moins ${min}${unit}.`).max(max, `Au plus ${max}${unit}.`);
const decimal = (max: number) => z.number({ error: required('Nombre attendu.') }).min(0, 'Le nombre ne peut pas être négatif.').max(max, `Au plus ${max}.`);
const percent = z.number({ error: required('Pourcentage attendu.') }).min(0, 'Au moins 0 %.').max(100, 'Au plus 100 %.');
const money = z
  .number({ error: required('Montant attendu.') })
  .int('Montant en centimes entiers attendu.')
  .min(0, 'Le montant ne peut pas être négatif.')
  .max(MAX_CENTS, 'Montant trop élevé.');
const signedMoney = z.number({ error: required('Montant attendu.') }).int('Montant en centimes entiers attendu.').min(-MAX_CENTS, 'Montant trop bas.').max(MAX_CENTS, 'Montant trop élevé.');
const oneOf = <V extends Vocab>(v: V) => z.enum(keysOf(v), { error: required(`Valeur attendue : ${Object.values(v).join(', ')}.`) });
const listOf = <V extends Vocab>(v: V) => z.array(oneOf(v), { error: 'Liste attendue.' }).max(Object.keys(v).length);
const isoDate = z
  .string({ error: required('Date attendue.') })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format JJ/MM/AAAA.')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Cette date n’existe pas.');
const year = int(2000, 2100);
const comment = text(5000);
const opt = <T extends z.ZodType>(s: T) => s.nullable().optional();

export const NeedItemSchema = z.object({
  id: z.string().max(64).optional(),
  kind: oneOf(NEED_KINDS),
  text: reqText(2000),
  missionKey: opt(z.string().max(64)),
});

export const BesoinSchema = z.object({
  communeId: id,
  missionKey: id,
  existing: opt(oneOf(EXISTENCE)),
  providedBy: opt(oneOf(PROVIDERS)),
  unmetNeed: opt(z.boolean({ error: 'Oui ou non attendu.' })),
  unmetNeedDetails: opt(text(2000)),
  poolingWish: opt(oneOf(POOLING_WISHES)),
  priority: opt(oneOf(PRIORITIES)),
  comment: opt(comment),
});

export const ServiceSchema = z.object({
  communeId: id,
  name: reqText(200),
  missions: opt(z.array(z.string().min(1).max(64), { error: 'Liste attendue.' }).max(50)),
  publicServed: opt(text(200)),
  ageMin: opt(int(0, 99, ' ans')),
  ageMax: opt(int(0, 99, ' ans')),
  openingPeriods: opt(listOf(OPENING_PERIODS)),
  year: opt(year),
  operatingBudgetCents: opt(money),
  investmentBudgetCents: opt(money),
  investmentYearlyGainCents: opt(money),
  cafRevenueCents: opt(money),
  otherRevenueCents: opt(money),
  usageUnit: opt(oneOf(USAGE_UNITS)),
  comment: opt(comment),
});

export const UsageSchema = z.object({
  serviceId: id,
  /** A commune id of the territory, or OUTSIDE_TERRITORY. */
  residence: id,
  units: decimal(10_000_000),
  year: opt(year),
  comment: opt(comment),
});

export const AgentSchema = z.object({
  communeId: id,
  jobTitle: reqText(200),
  employer: oneOf(EMPLOYERS),
  cadreEmplois: opt(oneOf(CADRES_EMPLOIS)),
  category: opt(oneOf(CATEGORIES)),
  status: opt(oneOf(AGENT_STATUSES)),
  quotitePct: opt(percent),
  serviceSharePct: opt(percent),
  qualifications: opt(listOf(QUALIFICATIONS)),
  annualCostCents: opt(money),
  comment: opt(comment),
});

export const EquipementSchema = z.object({
  communeId: id,
  type: oneOf(EQUIPMENT_TYPES),
  name: reqText(200),
  address: opt(text(300)),
  owner: opt(oneOf(OWNERS)),
  capacity: opt(int(0, 100_000, ' places')),
  areaM2: opt(int(0, 1_000_000, ' m²')),
  condition: opt(oneOf(CONDITIONS)),
  accessibility: opt(oneOf(ACCESSIBILITY)),
  occupancyPct: opt(percent),
  runningCostCents: opt(money),
  comment: opt(comment),
});

export const FinanceSchema = z.object({
  communeId: id,
  year: opt(year),
  acCents: opt(signedMoney),
  operatingRevenueCents: opt(money),
  childrenUnder3: opt(int(0, 1_000_000)),
  comment: opt(comment),
});

export const ConsultationSchema = z.object({
  communeIds: z.array(id, { error: 'Liste de communes attendue.' }).max(500),
  date: isoDate,
  kind: oneOf(CONSULTATION_KINDS),
  title: reqText(300),
  partnerId: opt(id),
  participants: opt(text(5000)),
  participantUserIds: opt(z.array(id).max(200)),
  minutes: opt(text(50_000)),
  needs: opt(z.array(NeedItemSchema, { error: 'Liste attendue.' }).max(200)),
});

/** Create schema of each section (update = the same, every field optional). */
export const SECTION_SCHEMAS = {
  besoins: BesoinSchema,
  services: ServiceSchema,
  usages: UsageSchema,
  agents: AgentSchema,
  equipements: EquipementSchema,
  finances: FinanceSchema,
  consultations: ConsultationSchema,
} satisfies Record<SectionKey, z.ZodObject>;

/** Partial update: only the given fields change; `null` clears an optional field. */
const patchOf = <T extends z.ZodObject>(s: T) => s.partial().refine((v) => Object.keys(v).length > 0, 'Rien à modifier.');
export const SECTION_PATCH_SCHEMAS = {
  besoins: patchOf(BesoinSchema),
  services: patchOf(ServiceSchema),
  usages: patchOf(UsageSchema),
  agents: patchOf(AgentSchema),
  equipements: patchOf(EquipementSchema),
  finances: patchOf(FinanceSchema),
  consultations: patchOf(ConsultationSchema),
} satisfies Record<SectionKey, z.ZodType>;

export type SectionInput<S extends SectionKey> = z.infer<(typeof SECTION_SCHEMAS)[S]>;
export type NeedItem = z.infer<typeof NeedItemSchema>;

/** Turns zod issues into `{ field, message }` in French (the messages above are already French). */
export function issuesOf(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
}
