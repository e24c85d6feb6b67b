/**
 * Programmes communaux: the actions of a commune's programme relevant to a project, against which the commune judges
 * the proposals of a round ("la mutualisation renforcera-t-elle ou non les actions prévues ?"). Schemas and API shapes.
 */
import { z } from 'zod';
import type { UserRefDto } from '../documents/kinds.js';

export const PROGRAMME_TITLE_MAX = 200;
export const PROGRAMME_DESCRIPTION_MAX = 4000;
export const PROGRAMME_YEAR_MIN = 2000;
export const PROGRAMME_YEAR_MAX = 2100;
/** A commune's programme is a short list; the cap keeps positions (one impact per action) readable. */
export const PROGRAMME_MAX_ACTIONS = 100;

const title = z
  .string()
  .trim()
  .min(3, 'Titre trop court (3 caractères au moins)')
  .max(PROGRAMME_TITLE_MAX, `Titre trop long (${PROGRAMME_TITLE_MAX} caractères au plus)`);
const description = z.string().trim().max(PROGRAMME_DESCRIPTION_MAX, `Description trop longue (${PROGRAMME_DESCRIPTION_MAX} caractères au plus)`);
const plannedYear = z
  .number()
  .int('Année entière attendue')
  .min(PROGRAMME_YEAR_MIN, `Année à partir de ${PROGRAMME_YEAR_MIN}`)
  .max(PROGRAMME_YEAR_MAX, `Année jusqu’à ${PROGRAMME_YEAR_MAX}`)
  .nullable();
const budgetEuros = z.number().int('Montant en euros entiers').min(0, 'Montant positif attendu').max(10_000_000_000, 'Montant trop élevé').nullable();

/** `POST /api/projects/:projectId/communes/:communeId/programme`. */
export const CreateProgrammeActionSchema = z
  .object({ title, description: description.default(''), plannedYear: plannedYear.default(null), budgetEuros: budgetEuros.default(null) })
  .strict();
/** `PATCH /api/programme-actions/:actionId` (at least one field). */
export const UpdateProgrammeActionSchema = z
  .object({ title: title.optional(), description: description.optional(), plannedYear: plannedYear.optional(), budgetEuros: budgetEuros.optional() })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Indiquez au moins un champ à modifier' });

export type CreateProgrammeActionInput = z.input<typeof CreateProgrammeActionSchema>;
export type UpdateProgrammeActionInput = z.input<typeof UpdateProgrammeActionSchema>;

/** One action of a commune's programme as the API returns it. */
export type ProgrammeActionDto = {
  id: string;
  projectId: string;
  communeId: string;
  communeName: string;
  title: string;
  description: string;
  plannedYear: number | null;
  budgetEuros: number | null;
  position: number;
  updatedAt: string;
  updatedBy: UserRefDto;
};
