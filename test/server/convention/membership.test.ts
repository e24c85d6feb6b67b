/**
 * After adoption: a commune joins through an avenant (its own document, annexes and deliberations) — the signed
 * convention and its signed version never change; a commune withdraws with its dates and effects; the annual
 * evaluation recomputes its indicators.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createConventionTestApp, INSEE } from './support.js';
import { documentVersions } from '../../../server/db/schema/index.js';

let s: Awaited<ReturnType<typeof createConventionTestApp>>;
let conventionId: string;
beforeEach(async () => {
  s = await createConventionTestApp();
  await s.retain();
  conventionId = (await s.ok('POST', '/projects/:p/convention', s.tokens.vp, undefined, 201)).convention.id;
});
afterEach(async () => {
  await s.close();
});

const versionsOf = (documentId: string) => s.t.db.select().from(documentVersions).all().filter((v) => v.documentId === documentId);

describe('avenant of adhesion', () => {
  it('is refused before the convention is signed', async () => {
    const res = await s.api('POST', '/projects/:p/avenants', s.tokens.vp, { communeId: s.commune(INSEE.callian) });
    expect([res.status, res.json.error.code]).toEqual([409, 'convention_not_signed']);
  });

  it('Callian joins: the avenant carries the new perimeter and allocation; the signed version is untouched', async () => {
    await s.signAll();
    const signed = await s.ok('GET', '/projects/:p/convention', s.tokens.vp);
    const signedVersion = versionsOf(conventionId).find((v) => v.id === signed.signedVersionId)!;
    const signedBefore = JSON.stringify(signedVersion.content);
    const textBefore = await s.text(conventionId);
    const versionsBefore = versionsOf(conventionId).length;

    const created = await s.ok('POST', '/projects/:p/avenants', s.tokens.vp, { communeId: s.commune(INSEE.callian), effectiveOn: '2028-01-01' }, 201);
    expect(created.number).toBe(1);
    const avenantText = await s.text(created.documentId);
    expect(avenantText).toContain("Le présent avenant n° 1 a pour objet l'adhésion de la commune de Callian (code INSEE 83029");
    expect(avenantText).toContain('Annexe 1 — Communes parties');
    expect(avenantText).toContain('Annexe 2 — Tableau de répartition');
    expect(avenantText).not.toContain('Annexe 4 — Agents concernés');
    expect(avenantText).toContain('Total\n5 communes');
    const board = await s.ok('GET', '/projects/:p/deliberations', s.tokens.vp);
    expect(board.avenants.map((a: any) => [a.number, a.communeName, a.rows.map((r: any) => [r.name, r.state]), a.adopted])).toEqual([
      [1, 'Callian', [['Callian', 'prevue'], ['CC du Pays de Fayence', 'prevue']], false],
    ]);
    // Callian was only invited: its élus may now record their council's vote on the avenant (not the convention's).
    const participation = (await s.ok('GET', '/projects/:p', s.tokens.vp)).participations.find((p: any) => p.communeId === s.commune(INSEE.callian));
    expect(participation.state).toBe('invitee');

    await s.signAll(created.id);
    const after = await s.ok('GET', '/projects/:p/convention', s.tokens.vp);
    expect(after.avenants.map((a: any) => [a.number, a.status, a.adoption.status, !!a.signedVersionId])).toEqual([[1, 'adopte', 'adoptee', true]]);
    expect((await s.ok('GET', '/projects/:p', s.tokens.vp)).participations.find((p: any) => p.communeId === s.commune(INSEE.callian)).state).toBe('participante');
    // The convention: same signed version row, same content, same live text, no new version.
    expect(after.signedVersionId).toBe(signed.signedVersionId);
    expect(JSON.stringify(versionsOf(conventionId).find((v) => v.id === signed.signedVersionId)!.content)).toBe(signedBefore);
    expect(await s.text(conventionId)).toBe(textBefore);
    expect(versionsOf(conventionId)).toHaveLength(versionsBefore);
    expect(s.audit('avenant.adopted').map((a) => a.after.number)).toEqual([1]);

    const twice = await s.api('POST', '/projects/:p/avenants', s.tokens.vp, { communeId: s.commune(INSEE.callian) });
    expect([twice.status, twice.json.error.code]).toEqual([409, 'already_party']);
  });

  it('refuses a party, a commune outside the EPCI for a service commun, and non-facilitators', async () => {
    await s.signAll();
    const party = await s.api('POST', '/projects/:p/avenants', s.tokens.vp, { communeId: s.commune(INSEE.fayence) });
    expect([party.status, party.json.error.code]).toEqual([409, 'already_party']);
    const outside = await s.api('POST', '/projects/:p/avenants', s.tokens.vp, { communeId: s.commune(INSEE.adrets) });
    expect([outside.status, outside.json.error.code]).toEqual([409, 'commune_not_member']);
    expect(outside.json.error.message).toContain('art. L5211-4-2 du CGCT');
    for (const who of ['techEpci', 'eluFayence', 'observer'] as const) {
      expect((await s.api('POST', '/projects/:p/avenants', s.tokens[who], { communeId: s.commune(INSEE.mons) })).status).toBe(403);
    }
  });
});

describe('withdrawal', () => {
  it('records dates and effects; the commune leaves the project; twice is refused', async () => {
    await s.signAll();
    const body = { communeId: s.commune(INSEE.seillans), decidedOn: '2028-06-12', effectiveOn: '2029-01-01', effects: 'Les deux animateurs retournent à la commune ; contribution due jusqu’au 31 décembre 2028.', deliberationRef: 'DCM 2028-33' };
    const res = await s.ok('POST', '/projects/:p/withdrawals', s.tokens.vp, body, 201);
    expect(res.convention.withdrawals.map((w: any) => [w.communeName, w.decidedOn, w.effectiveOn, w.effects, w.deliberationRef])).toEqual([['Seillans', '2028-06-12', '2029-01-01', body.effects, 'DCM 2028-33']]);
    expect((await s.ok('GET', '/projects/:p', s.tokens.vp)).participations.find((p: any) => p.communeId === body.communeId).state).toBe('retiree');
    const board = await s.ok('GET', '/projects/:p/deliberations', s.tokens.vp);
    expect(board.convention.rows.find((r: any) => r.name === 'Seillans').boardState).toBe('retiree');
    expect(s.audit('commune.withdrawn').map((a) => a.after.effectiveOn)).toEqual(['2029-01-01']);
    const twice = await s.api('POST', '/projects/:p/withdrawals', s.tokens.vp, body);
    expect([twice.status, twice.json.error.code]).toEqual([409, 'already_withdrawn']);
    const stranger = await s.api('POST', '/projects/:p/withdrawals', s.tokens.vp, { ...body, communeId: s.commune(INSEE.mons) });
    expect([stranger.status, stranger.json.error.code]).toEqual([409, 'not_a_party']);
    const dates = await s.api('POST', '/projects/:p/withdrawals', s.tokens.vp, { ...body, communeId: s.commune(INSEE.fayence), effectiveOn: '2028-01-01' });
    expect([dates.status, dates.json.error.code]).toEqual([400, 'invalid_dates']);
  });
});

describe('annual evaluation', () => {
  it('one per year on a signed convention, indicators recomputed on demand, comments and decisions kept', async () => {
    const early = await s.api('POST', '/projects/:p/evaluations', s.tokens.vp, { year: 2028 });
    expect([early.status, early.json.error.code]).toEqual([409, 'convention_not_signed']);
    await s.signAll();
    await s.ok('POST', '/projects/:p/action-plan/actions', s.tokens.vp, { title: 'Recruter la coordinatrice', leadKind: 'epci', status: 'terminee', budgetCents: 500_000 }, 201);
    const created = await s.ok('POST', '/projects/:p/evaluations', s.tokens.vp, { year: 2028, comments: 'Première année.', decisions: ['Ouvrir le PIJ le samedi'] }, 201);
    const value = (e: any, key: string) => e.indicators.find((i: any) => i.key === key).value;
    expect([value(created, 'parties'), value(created, 'population'), value(created, 'projected_net'), value(created, 'actions_total'), value(created, 'actions_done_pct'), value(created, 'actions_budget')]).toEqual([4, 18583, 68_750_000, 1, 100, 500_000]);
    expect([created.comments, created.decisions]).toEqual(['Première année.', ['Ouvrir le PIJ le samedi']]);
    const dup = await s.api('POST', '/projects/:p/evaluations', s.tokens.vp, { year: 2028 });
    expect([dup.status, dup.json.error.code]).toEqual([409, 'evaluation_exists']);

    await s.ok('POST', '/projects/:p/withdrawals', s.tokens.vp, { communeId: s.commune(INSEE.tourrettes), decidedOn: '2028-06-12', effectiveOn: '2029-01-01', effects: 'Fin de la mise à disposition de l’animatrice.' }, 201);
    const kept = await s.ok('PATCH', `/projects/:p/evaluations/${created.id}`, s.tokens.vp, { comments: 'Première année, bilan positif.' });
    expect([kept.comments, value(kept, 'parties')]).toEqual(['Première année, bilan positif.', 4]);
    const recomputed = await s.ok('PATCH', `/projects/:p/evaluations/${created.id}`, s.tokens.vp, { recompute: true });
    expect([value(recomputed, 'parties'), value(recomputed, 'withdrawals'), recomputed.comments]).toEqual([3, 1, 'Première année, bilan positif.']);
    expect((await s.ok('GET', '/projects/:p/evaluations', s.tokens.observer)).map((e: any) => e.year)).toEqual([2028]);
    expect((await s.api('POST', '/projects/:p/evaluations', s.tokens.techEpci, { year: 2029 })).status).toBe(403);
  });
});
