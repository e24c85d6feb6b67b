/**
 * Which abilities a change of diagnostic data needs, on which commune or consultation. The policy module decides
 * each of them; this only lists them, so the API (which answers 403) and the import (which lists the refused lines)
 * ask the same questions.
 */
import type { Action } from '../../../shared/auth/abilities.js';
import type { SectionKey } from '../../../shared/diagnostic/sections.js';
import type { Policy, Resource } from '../../policies/index.js';
import type { SessionUser } from '../../context.js';

export type Check = { action: Action; resource: Resource };

/** Fields of a consultation that partners who took part may complete; changing the others needs `manage`. */
const CONTRIBUTION_FIELDS = new Set(['minutes', 'needs', 'participants']);

export type WriteMode = 'create' | 'update' | 'delete';

/**
 * The checks for a change: `diagnostic.write` on every commune whose data is touched; for a consultation,
 * `contribute` to update it and `manage` on each linked commune to create, delete or relink it.
 */
export function writeChecks(
  section: SectionKey,
  projectId: string,
  mode: WriteMode,
  communes: string[],
  opts: { consultationId?: string; changedFields?: string[] } = {},
): Check[] {
  if (section !== 'consultations') return communes.map((communeId) => ({ action: 'diagnostic.write', resource: { projectId, communeId } }));
  const manage: Check[] = communes.length
    ? communes.map((communeId) => ({ action: 'diagnostic.consultation.manage', resource: { projectId, communeId } }))
    : [{ action: 'diagnostic.consultation.manage', resource: { projectId } }];
  if (mode !== 'update') return manage;
  const contribute: Check = { action: 'diagnostic.consultation.contribute', resource: { projectId, consultationId: opts.consultationId } };
  const structural = (opts.changedFields ?? []).some((f) => !CONTRIBUTION_FIELDS.has(f));
  return structural ? [contribute, ...manage] : [contribute];
}

/** Throws 401/403/404 through the policy when one check fails. */
export function authorizeAll(policy: Policy, user: SessionUser | null, checks: Check[]): void {
  for (const ch of checks) policy.authorize(user, ch.action, ch.resource);
}

/** True when every check passes (used line by line by the import). */
export function allowed(policy: Policy, user: SessionUser, checks: Check[]): boolean {
  return checks.every((ch) => policy.can(user, ch.action, ch.resource));
}
