/**
 * Generating the cadre stratégique and the convention from the retained scenario (through the collaboration service),
 * with annexes, the fiche d'impact and one deliberation per party; exporting the convention with its annexes.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createConventionTestApp, INSEE } from './support.js';
import { readDocx, readPdf, normalize } from '../exports/support.js';
import { templateHeadings } from '../../../shared/documents/templates.js';

let s: Awaited<ReturnType<typeof createConventionTestApp>>;
beforeEach(async () => {
  s = await createConventionTestApp();
});
afterEach(async () => {
  await s.close();
});

const ANNEXES = ['Annexe 1 — Communes parties', 'Annexe 2 — Tableau de répartition', 'Annexe 3 — Méthode du coût unitaire', 'Annexe 4 — Agents concernés', 'Annexe 5 — Inventaire des équipements'];

describe('before the arbitration', () => {
  it('nothing can be generated without a retained scenario (409), and the page says so', async () => {
    const view = await s.ok('GET', '/projects/:p/convention', s.tokens.observer);
    expect([view.status, view.retainedScenario, view.cadre, view.convention, view.adoption]).toEqual(['absente', null, null, null, null]);
    for (const path of ['/projects/:p/cadre-strategique', '/projects/:p/convention']) {
      const res = await s.api('POST', path, s.tokens.vp);
      expect([res.status, res.json.error.code, res.json.error.message]).toEqual([409, 'no_retained_scenario', 'Aucun scénario n’est retenu : l’arbitrage doit d’abord retenir un scénario.']);
    }
    const regen = await s.api('POST', '/projects/:p/convention/annexes', s.tokens.vp);
    expect([regen.status, regen.json.error.code]).toEqual([409, 'convention_missing']);
  });
});

describe('cadre stratégique', () => {
  it('is pre-filled from the retained scenario and seeds the action plan’s objectives, once', async () => {
    await s.retain();
    const view = await s.ok('POST', '/projects/:p/cadre-strategique', s.tokens.techEpci, undefined, 201);
    expect(view.cadre.title).toBe('Cadre stratégique — Service commun jeunesse porté par la CC');
    const text = await s.text(view.cadre.id);
    expect(text.split('\n').slice(0, 2)).toEqual(['Objectifs', 'Le scénario « Service commun jeunesse porté par la CC » a été retenu. Il poursuit les objectifs suivants :']);
    expect(text).toContain('Un service de proximité sur tout le périmètre : Offrir le service jeunesse aux habitants des 4 communes du périmètre (Fayence, Seillans, Montauroux, Tourrettes ; 18\u202f583 habitants)');
    expect(text).toContain('Cadre juridique : Service commun (art. L5211-4-2 du CGCT)');
    expect(text).toContain('Comité de pilotage (COPIL)');
    const plan = await s.ok('GET', '/projects/:p/action-plan', s.tokens.eluFayence);
    expect(plan.objectives.map((o: any) => o.label)).toEqual(['Un service de proximité sur tout le périmètre', 'Un coût net maîtrisé', 'Une équipe mutualisée', 'Des équipements partagés', 'Des programmes communaux renforcés']);
    const again = await s.api('POST', '/projects/:p/cadre-strategique', s.tokens.vp);
    expect([again.status, again.json.error.code]).toEqual([409, 'cadre_exists']);
    expect(s.audit('convention.cadre_generated')).toHaveLength(1);
    expect(s.events('convention.changed').map((e) => e.what)).toEqual(['cadre']);
  });
});

describe('convention', () => {
  it('has the standard sections pre-filled, the five annexes, a fiche d’impact and one deliberation per party', async () => {
    await s.retain();
    const view = await s.ok('POST', '/projects/:p/convention', s.tokens.vp, undefined, 201);
    expect([view.status, view.convention.title, view.ficheImpact.title, view.ficheImpactRequired]).toEqual(['brouillon', 'Convention — Service commun jeunesse porté par la CC', 'Fiche d’impact — Service commun jeunesse porté par la CC', true]);
    const json = await s.json(view.convention.id);
    const headings = json.content!.filter((b) => b.type === 'heading').map((b) => (b.content ?? []).map((t) => t.text).join(''));
    expect(headings).toEqual([...templateHeadings('convention'), ...ANNEXES]);
    expect(json.content!.filter((b) => b.type === 'table')).toHaveLength(5);
    const text = await s.text(view.convention.id);
    expect(text).toContain('La commune de Montauroux (code INSEE 83081), représentée par son maire');
    expect(text).toContain('Vu la décision du Comité de pilotage (COPIL) du 26/11/2026 retenant le scénario « Service commun jeunesse porté par la CC » ;');
    expect(text).toContain("L'organisation cible compte 12,5 ETP : 10 ETP employés par CC du Pays de Fayence et 2,5 ETP employés par les communes.");
    expect(text).toContain('Financement : Imputation sur l\'attribution de compensation');
    expect(text).not.toContain('Objet de la convention et service concerné.'); // placeholders replaced
    const fiche = await s.text(view.ficheImpact.id);
    expect(fiche.split('\n').filter((l) => ['Organisation', 'Conditions de travail', 'Rémunération', 'Droits acquis'].includes(l))).toEqual(['Organisation', 'Conditions de travail', 'Rémunération', 'Droits acquis']);

    const board = await s.ok('GET', '/projects/:p/deliberations', s.tokens.observer);
    expect(board.convention.rows.map((r: any) => [r.bodyKind, r.name, r.body, r.state])).toEqual([
      ['epci', 'CC du Pays de Fayence', 'Conseil communautaire — CC du Pays de Fayence', 'prevue'],
      ['commune', 'Fayence', 'Conseil municipal — Fayence', 'prevue'],
      ['commune', 'Seillans', 'Conseil municipal — Seillans', 'prevue'],
      ['commune', 'Montauroux', 'Conseil municipal — Montauroux', 'prevue'],
      ['commune', 'Tourrettes', 'Conseil municipal — Tourrettes', 'prevue'],
    ]);
    expect([board.instrument, board.cstRequired, board.signatureRequired, board.convention.adoption.status]).toEqual(['service_commun', true, true, 'en_attente']);
    // Invited communes (Callian, Mons) and the commune outside the project (Bagnols) do not deliberate.
    expect(board.convention.rows.some((r: any) => [s.commune(INSEE.callian), s.commune(INSEE.mons), s.commune(INSEE.bagnols)].includes(r.communeId))).toBe(false);

    const again = await s.api('POST', '/projects/:p/convention', s.tokens.vp);
    expect([again.status, again.json.error.code]).toEqual([409, 'convention_exists']);
    expect(s.audit('convention.generated').map((a) => [a.after.instrument, a.after.ficheImpactDocumentId === view.ficheImpact.id])).toEqual([['service_commun', true]]);
    const docs = (await s.ok('GET', '/projects/:p/documents', s.tokens.vp)).map((d: any) => d.kind).sort();
    expect(docs.filter((k: string) => ['convention', 'fiche_impact'].includes(k))).toEqual(['convention', 'fiche_impact']);
  });

  it('an entente has no fiche d’impact and no EPCI deliberation; a perimeter commune that does not participate blocks generation', async () => {
    // The entente includes Les Adrets-de-l'Estérel, only invited in the demo project.
    await s.retain('entente');
    const refused = await s.api('POST', '/projects/:p/convention', s.tokens.vp);
    expect([refused.status, refused.json.error.code]).toEqual([409, 'perimeter_not_participating']);
    expect(refused.json.error.message).toBe('Les Adrets-de-l\'Estérel figure dans le scénario retenu sans participer à la démarche : passez leur participation à « participante » (ou retirez-les du scénario) avant de générer la convention.');
    await s.ok('PUT', `/projects/:p/participations/${s.commune(INSEE.adrets)}`, s.tokens.vp, { state: 'participante' });
    const view = await s.ok('POST', '/projects/:p/convention', s.tokens.vp, undefined, 201);
    expect([view.ficheImpact, view.ficheImpactRequired]).toEqual([null, false]);
    const board = await s.ok('GET', '/projects/:p/deliberations', s.tokens.vp);
    expect(board.convention.rows.map((r: any) => r.name)).toEqual(['Fayence', 'Seillans', 'Tourrettes', "Les Adrets-de-l'Estérel"]);
    expect([board.cstRequired, board.signatureRequired]).toEqual([false, true]);
  });

  it('only preparers generate: élus of a commune, partners and observers get 403', async () => {
    await s.retain();
    for (const who of ['eluFayence', 'techFayence', 'caf', 'observer'] as const) {
      expect((await s.api('POST', '/projects/:p/convention', s.tokens[who])).status).toBe(403);
    }
  });
});

describe('annex regeneration and locks', () => {
  it('a locked convention (séance in progress) is regenerated by the facilitator only', async () => {
    await s.retain();
    const view = await s.ok('POST', '/projects/:p/convention', s.tokens.vp, undefined, 201);
    await s.ok('POST', `/documents/${view.convention.id}/lock`, s.tokens.vp);
    const refused = await s.api('POST', '/projects/:p/convention/annexes', s.tokens.techEpci);
    expect([refused.status, refused.json.error.code]).toEqual([409, 'document_locked']);
    const done = await s.ok('POST', '/projects/:p/convention/annexes', s.tokens.vp);
    expect(done.result.unchanged).toHaveLength(5);
    expect(s.audit('convention.annexes_regenerated')).toHaveLength(1);
  });
});

describe('export of the convention with its annexes', () => {
  it('DOCX: every section title, the annex tables as real tables, the fiche d’impact as the last annex', async () => {
    await s.retain();
    await s.ok('POST', '/projects/:p/convention', s.tokens.vp, undefined, 201);
    const file = await s.download('/projects/:p/convention/export?format=docx', s.tokens.eluSeillans);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.headers.get('content-disposition')).toContain('convention-service-commun-jeunesse-porte-par-la-cc.docx');
    const docx = await readDocx(file.bytes);
    const body = normalize(docx.runs.join(' '));
    for (const title of [...templateHeadings('convention'), ...ANNEXES, 'Annexe 6 — Fiche d’impact', 'Conditions de travail']) expect(body).toContain(title);
    expect((docx.document.match(/<w:tbl>/g) ?? []).length).toBe(5);
    expect(body).toContain('Fayence 83055');
    expect(body).toContain('Total 4 communes 18 583');
  });

  it('PDF for the council’s agenda; 409 before generation; format checked', async () => {
    await s.retain();
    expect((await s.api('GET', '/projects/:p/convention/export?format=pdf', s.tokens.vp)).status).toBe(409);
    await s.ok('POST', '/projects/:p/convention', s.tokens.vp, undefined, 201);
    const pdf = await s.download('/projects/:p/convention/export?format=pdf', s.tokens.vp);
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const read = await readPdf(pdf.bytes);
    expect(normalize(read.text)).toContain('Annexe 2 — Tableau de répartition');
    expect((await s.api('GET', '/projects/:p/convention/export?format=odt', s.tokens.vp)).status).toBe(400);
  });
});
