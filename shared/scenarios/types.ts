/**
 * Vocabulary shared by the scenario modules (instruments, cost model, allocation, deliberations, comparison).
 * Everything here is plain data so that a service can build it from database rows and send results as JSON.
 */

/** A problem found in a scenario: `error` blocks it, `warning` must be read and accepted by the élus. */
export type Violation = {
  code: string;
  /** Path of the input field at fault (« communes[2] », « financingMode »), for the form to highlight it. */
  field: string;
  /** French sentence explaining the rule and, where there is one, the article it comes from. */
  message: string;
  severity: 'error' | 'warning';
};

/** Outcome of a computation that can refuse its input: errors are `Violation`s of severity `error`. */
export type Outcome<T> = { ok: true; value: T; warnings: Violation[] } | { ok: false; errors: Violation[] };

/** Fiscal regime of an EPCI à fiscalité propre (FPU: fiscalité professionnelle unique; FA: fiscalité additionnelle). */
export type FiscalRegime = 'FPU' | 'FA';

/** How communes pay for a pooled service. */
export const FINANCING_MODES = ['remboursement', 'imputation_ac'] as const;
/** How communes pay: reimbursement or deduction from the AC. */
export type FinancingMode = (typeof FINANCING_MODES)[number];

/** French labels of the financing modes. */
export const FINANCING_MODE_LABELS: Record<FinancingMode, string> = {
  remboursement: 'Remboursement des frais (facturation aux communes)',
  imputation_ac: "Imputation sur l'attribution de compensation",
};

/** A reference to a legal text, kept as data so that a change of law is a change of one table. */
export type LegalRef = { code: 'CGCT' | 'CCP' | 'CGI'; article: string };

/** « art. L5211-4-2 du CGCT » — how articles are cited in every message. */
export function citeRef(ref: LegalRef): string {
  const code = ref.code === 'CCP' ? 'du code de la commande publique' : ref.code === 'CGI' ? 'du code général des impôts' : 'du CGCT';
  return `art. ${ref.article} ${code}`;
}

/** « art. L5221-1 du CGCT, art. L5221-2 du CGCT » — several references in one message. */
export function citeRefs(refs: readonly LegalRef[]): string {
  return refs.map(citeRef).join(', ');
}

/** A blocking violation. */
export const error = (code: string, field: string, message: string): Violation => ({ code, field, message, severity: 'error' });
/** A non-blocking violation the élus should read. */
export const warning = (code: string, field: string, message: string): Violation => ({ code, field, message, severity: 'warning' });
