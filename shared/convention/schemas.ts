/**
 * Zod schemas of the convention, deliberations, membership and evaluation API bodies. Shared so that the forms
 * offer exactly what the server accepts.
 */
import { z } from 'zod';
import { DELIBERATION_STATES } from '../scenarios/deliberations.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ');
const text = (max: number) => z.string().trim().max(max, `${max} caractères au plus`);
const votes = z.number().int('Nombre entier attendu').min(0, 'Nombre positif ou nul attendu').max(10_000);

/** Body of `POST …/deliberations/{id}/state`: the new state and, for a result, the meeting and the votes. */
export const DeliberationMoveSchema = z
  .object({
    to: z.enum(DELIBERATION_STATES, { error: 'État de délibération inconnu' }),
    date: date.nullable().optional(),
    number: text(60).nullable().optional(),
    votes: z
      .object({
        pour: votes,
        contre: votes,
        abstention: votes,
        membresEnExercice: votes.nullable().optional(),
        voixPreponderantePour: z.boolean().optional(),
      })
      .strict()
      .nullable()
      .optional(),
    reason: text(1000).nullable().optional(),
    cstDate: date.nullable().optional(),
    cstOpinion: z.enum(['favorable', 'defavorable']).nullable().optional(),
  })
  .strict();
export type DeliberationMoveInput = z.infer<typeof DeliberationMoveSchema>;

/** Body of `PATCH …/deliberations/{id}`: details that are not a change of state. */
export const DeliberationDetailsSchema = z
  .object({
    body: text(200).min(3).optional(),
    number: text(60).nullable().optional(),
    notifiedOn: date.nullable().optional(),
    cstDate: date.nullable().optional(),
    cstOpinion: z.enum(['favorable', 'defavorable']).nullable().optional(),
  })
  .strict();
export type DeliberationDetailsInput = z.infer<typeof DeliberationDetailsSchema>;

/** Body of `PATCH …/convention`: the dates that do not come from a deliberation. */
export const ConventionSettingsSchema = z.object({ arretePrefectoralDate: date.nullable().optional() }).strict();

/** Body of `POST …/avenants`: a commune joins the signed convention. */
export const AvenantInputSchema = z.object({ communeId: z.string().min(1).max(64), effectiveOn: date.nullable().optional() }).strict();

/** Body of `POST …/withdrawals`: a commune leaves, with its dates and effects. */
export const WithdrawalInputSchema = z
  .object({
    communeId: z.string().min(1).max(64),
    decidedOn: date,
    effectiveOn: date,
    effects: text(4000).min(3, 'Décrivez les effets du retrait (agents, biens, contributions).'),
    deliberationRef: text(120).nullable().optional(),
  })
  .strict();
export type WithdrawalInput = z.infer<typeof WithdrawalInputSchema>;

/** Body of `POST …/evaluations`. */
export const EvaluationInputSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    comments: text(8000).default(''),
    decisions: z.array(text(1000).min(1)).max(50).default([]),
  })
  .strict();

/** Body of `PATCH …/evaluations/{id}`: comments, decisions, and whether to recompute the indicators. */
export const EvaluationPatchSchema = z
  .object({
    comments: text(8000).optional(),
    decisions: z.array(text(1000).min(1)).max(50).optional(),
    recompute: z.boolean().optional(),
  })
  .strict();
