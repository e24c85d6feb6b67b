/**
 * Business checks and normalisation of a record before it is stored, shared by the API and the import: references
 * to the project's communes, missions, services, partners and people; cross-field rules; one answer per commune and
 * mission; one finances record per commune.
 */
import { newId } from '../../lib/ids.js';
import type { SectionKey } from '../../../shared/diagnostic/sections.js';
import { OUTSIDE_TERRITORY } from '../../../shared/diagnostic/schemas.js';
import { communeName, type DiagContext } from './diagnostic.context.js';
import type { Row } from './diagnostic.tables.js';

/** A problem with one field; `duplicate` marks a second record where only one may exist (409). */
export type FieldIssue = { field: string; message: string; duplicate?: true };

type Values = Record<string, unknown>;

/** Key that must be unique within a project's section, or null when the section has none. */
export function uniqueKeyOf(section: SectionKey, v: Values): string | null {
  if (section === 'besoins') return `${v.communeId}|${v.missionKey}`;
  if (section === 'finances') return String(v.communeId);
  return null;
}

/** French message for a second record with the same unique key. */
export function duplicateMessage(ctx: DiagContext, section: SectionKey, v: Values, existingId: string): FieldIssue {
  const commune = communeName(ctx, String(v.communeId));
  if (section === 'besoins') {
    const mission = ctx.missions.find((m) => m.key === v.missionKey)?.label ?? String(v.missionKey);
    return { field: 'missionKey', message: `${commune} a déjà répondu pour la mission « ${mission} » (id ${existingId}) : modifiez cette réponse.`, duplicate: true };
  }
  return { field: 'communeId', message: `${commune} a déjà une fiche finances (id ${existingId}) : indiquez son id pour la mettre à jour.`, duplicate: true };
}

/** Checks the merged values of a record (after schema validation). */
export function checkReferences(ctx: DiagContext, section: SectionKey, v: Values): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const inProject = (field: string, id: unknown) => {
    if (typeof id === 'string' && !ctx.communeIds.has(id)) {
      issues.push({ field, message: `La commune ${communeName(ctx, id)} ne fait pas partie du diagnostic de ce projet.` });
    }
  };
  const mission = (field: string, key: unknown) => {
    if (typeof key === 'string' && !ctx.missions.some((m) => m.key === key)) issues.push({ field, message: `Mission inconnue dans ce projet : « ${key} ».` });
  };
  if (section !== 'usages' && section !== 'consultations') inProject('communeId', v.communeId);
  if (section === 'besoins') mission('missionKey', v.missionKey);
  if (section === 'services') {
    for (const k of (v.missions as string[] | null) ?? []) mission('missions', k);
    if (typeof v.ageMin === 'number' && typeof v.ageMax === 'number' && v.ageMin > v.ageMax) {
      issues.push({ field: 'ageMax', message: "L'âge maximum doit être supérieur ou égal à l'âge minimum." });
    }
  }
  if (section === 'usages') {
    if (!ctx.services.some((s) => s.id === v.serviceId)) issues.push({ field: 'serviceId', message: 'Service inconnu dans ce projet.' });
    if (v.residence !== OUTSIDE_TERRITORY && !ctx.territoryCommunes.some((c) => c.id === v.residence)) {
      issues.push({ field: 'residence', message: 'Commune de résidence inconnue dans ce territoire.' });
    }
  }
  if (section === 'consultations') {
    for (const id of (v.communeIds as string[]) ?? []) inProject('communeIds', id);
    if (v.partnerId && !ctx.partners.some((p) => p.id === v.partnerId)) issues.push({ field: 'partnerId', message: 'Partenaire inconnu dans ce territoire.' });
    for (const id of (v.participantUserIds as string[] | null) ?? []) {
      if (!ctx.people.some((p) => p.id === id)) issues.push({ field: 'participantUserIds', message: 'Cette personne n’a pas accès au projet.' });
    }
    for (const n of (v.needs as { missionKey?: string | null }[] | null) ?? []) if (n.missionKey) mission('needs', n.missionKey);
  }
  return issues;
}

/**
 * The values to store: optional texts emptied become null, lists are de-duplicated, a usage takes its service's
 * commune, and each need keeps its id (given, or matched by its text on re-import) or gets a new one.
 */
export function normalize(ctx: DiagContext, section: SectionKey, v: Values, existing: Row | null): Values {
  const out: Values = {};
  for (const [k, value] of Object.entries(v)) {
    if (typeof value === 'string' && value.trim() === '') out[k] = null;
    else if (Array.isArray(value) && value.every((x) => typeof x === 'string')) out[k] = [...new Set(value as string[])];
    else out[k] = value;
  }
  if (section === 'usages') out.communeId = ctx.services.find((s) => s.id === out.serviceId)?.communeId ?? existing?.communeId ?? null;
  if (section === 'consultations') {
    out.participantUserIds = (out.participantUserIds as string[] | null) ?? [];
    const before = ((existing?.needs as { id: string; kind: string; text: string }[] | undefined) ?? []).slice();
    out.needs = ((out.needs as { id?: string; kind: string; text: string; missionKey?: string | null }[] | null) ?? []).map((n) => {
      const byId = n.id ? before.find((b) => b.id === n.id) : undefined;
      const byText = byId ?? before.find((b) => b.kind === n.kind && b.text === n.text);
      if (byText) before.splice(before.indexOf(byText), 1);
      return { id: byText?.id ?? newId('dne_'), kind: n.kind, text: n.text, missionKey: n.missionKey ?? null };
    });
  }
  return out;
}
