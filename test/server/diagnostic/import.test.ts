import { describe, it, expect, beforeEach } from 'vitest';
import ExcelJS from 'exceljs';
import { diagTestApp, upload, type DiagTest } from './support.js';

let t: DiagTest;
beforeEach(async () => {
  t = await diagTestApp();
});

const csv = (...lines: string[]) => lines.join('\r\n');
const HEADER = 'id;Commune;Poste;Employeur;Catégorie;Quotité (% d’un temps complet);Part du temps sur le service (%);Qualifications;Coût annuel chargé (€)';

describe('import: preview lists every error, commit writes all or nothing', () => {
  it('a valid CSV: preview, then commit in one go, with the audit of the import', async () => {
    const file = csv(HEADER, ';Fayence;Animateur séjours;Commune;C;100;50;BAFA, PSC1;31 200,50', ';83124;Animatrice;commune;Catégorie C;80 %;100;;28000');
    const preview = await t.as('techEpci').post('/import/preview', upload('agents', file));
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ section: 'agents', format: 'csv', errors: [], summary: { create: 2, update: 0, unchanged: 0, total: 2 } });
    expect(preview.json.rows.map((r: any) => [r.line, r.action, r.communeName, r.label])).toEqual([
      [2, 'create', 'Fayence', 'Animateur séjours'],
      [3, 'create', 'Seillans', 'Animatrice'],
    ]);
    expect((await t.as('vp').get('/agents')).json).toHaveLength(16); // nothing written by the preview
    const commit = await t.as('techEpci').post('/import/commit', upload('agents', file, 'agents.csv'));
    expect(commit.status).toBe(200);
    expect(commit.json).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const agents = (await t.as('vp').get('/agents')).json;
    expect(agents.find((a: any) => a.jobTitle === 'Animateur séjours')).toMatchObject({ communeId: t.fayence, qualifications: ['bafa', 'psc1'], annualCostCents: 3120050, etpService: 0.5 });
    const audit = (await t.request('GET', `/api/projects/${t.projectId}/audit`, { token: t.tokens.vp })).json;
    expect(audit.find((a: any) => a.action === 'diagnostic.import.committed').after).toEqual({ section: 'agents', fileName: 'agents.csv', created: 2, updated: 0, unchanged: 0 });
    expect(audit.filter((a: any) => a.action === 'diagnostic.agents.created')).toHaveLength(2);
  });

  it('a file with errors: every invalid line listed (line, column, French message), nothing written', async () => {
    const file = csv(
      HEADER,
      ';Fayence;Animateur;Commune;C;100;100;;30000',
      ';Paris;Animateur;Commune;C;100;100;;30000',
      ';Fayence;;Mairie;D;120;100;BAFA, Brevet;beaucoup',
      'dag_inconnu;Fayence;Animateur;Commune;C;100;100;;30000',
      ';Seillans;Animatrice;Commune;C;100;100;;30000',
    );
    const preview = await t.as('techFayence').post('/import/preview', upload('agents', file));
    expect(preview.status).toBe(200);
    expect(preview.json.errors).toEqual([
      { line: 3, column: 'Commune', message: 'Commune inconnue dans ce projet : « Paris ».' },
      { line: 4, column: 'Employeur', message: 'Valeur inconnue « Mairie ». Valeurs possibles : Commune, Intercommunalité (EPCI), Autre employeur (CCAS, syndicat…).' },
      { line: 4, column: 'Catégorie', message: 'Valeur inconnue « D ». Valeurs possibles : Catégorie A, Catégorie B, Catégorie C.' },
      { line: 4, column: 'Qualifications', message: expect.stringMatching(/^Valeur inconnue « Brevet »/) },
      { line: 4, column: 'Coût annuel chargé (€)', message: 'Montant attendu, par exemple 1 234,50.' },
      { line: 4, column: 'Poste', message: 'Champ obligatoire.' },
      { line: 4, column: "Quotité (% d'un temps complet)", message: 'Au plus 100 %.' },
      { line: 5, column: 'id', message: 'Identifiant inconnu dans la rubrique « Agents » de ce projet : dag_inconnu. Laissez la colonne vide pour créer une fiche.' },
      { line: 6, column: 'Commune', message: 'Vous ne pouvez pas modifier les données de Seillans.' },
    ]);
    expect(preview.json.summary.create).toBe(1);
    const commit = await t.as('techFayence').post('/import/commit', upload('agents', file));
    expect(commit.status).toBe(400);
    expect(commit.json.error).toMatchObject({ code: 'import_invalid', message: 'Le fichier contient 9 erreur(s) : rien n’a été enregistré.' });
    expect(commit.json.error.details.errors).toHaveLength(9);
    expect((await t.as('vp').get('/agents')).json).toHaveLength(16);
  });

  it('schema rules apply to merged values, required columns are checked, duplicates inside the file are caught', async () => {
    const missing = await t.as('vp').post('/import/preview', upload('agents', csv('Commune;Quotité (% d’un temps complet)', 'Fayence;50')));
    expect(missing.json.errors).toEqual([
      { line: 1, column: 'Poste', message: 'Colonne obligatoire absente : « Poste ».' },
      { line: 1, column: 'Employeur', message: 'Colonne obligatoire absente : « Employeur ».' },
    ]);
    const rules = await t.as('vp').post('/import/preview', upload('agents', csv(HEADER, ';Fayence;Animateur;Commune;C;150;100;;1')));
    expect(rules.json.errors).toEqual([{ line: 2, column: "Quotité (% d'un temps complet)", message: 'Au plus 100 %.' }]);
    const besoins = csv('Commune;Mission;Existant', 'Mons;Séjours;Existe', 'Mons;sejours;Existe en partie', 'Fayence;Accueil de loisirs;Existe');
    const dup = await t.as('vp').post('/import/preview', upload('besoins', besoins));
    expect(dup.json.errors.map((e: any) => [e.line, e.column])).toEqual([
      [3, 'Mission'],
      [4, 'Mission'],
    ]);
    expect(dup.json.errors[0].message).toBe('Mons a déjà répondu pour la mission « Séjours » (id ligne 2) : modifiez cette réponse.');
  });

  it('re-importing an export updates the same records in place (ids kept), and unchanged lines do nothing', async () => {
    const exported = await t.request('GET', `${t.base}/export?section=agents&format=csv`, { token: t.tokens.vp });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="diagnostic-agents-2026-11-27.csv"');
    expect(exported.text.startsWith('id;Commune;Poste;')).toBe(true);
    const before = (await t.as('vp').get('/agents')).json;
    const same = await t.as('vp').post('/import/commit', upload('agents', exported.text));
    expect(same.json).toMatchObject({ created: 0, updated: 0, unchanged: 16 });
    // Change one quotité and add a line without id.
    const lines = exported.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    const target = before.find((a: any) => a.jobTitle === 'Animatrice accueil de loisirs');
    const i = lines.findIndex((l) => l.startsWith(target.id));
    lines[i] = lines[i].replace(';80;100;', ';60;100;');
    lines.push(';Fayence (83055);Saisonnier été;Commune;;Catégorie C;Contractuel·le (CDD);100;100;BAFA;9000;');
    const res = await t.as('vp').post('/import/commit', upload('agents', lines.join('\r\n')));
    expect(res.json).toMatchObject({ created: 1, updated: 1, unchanged: 15 });
    const after = (await t.as('vp').get('/agents')).json;
    expect(after.map((a: any) => a.id)).toEqual(expect.arrayContaining(before.map((a: any) => a.id)));
    expect(after.find((a: any) => a.id === target.id)).toMatchObject({ quotitePct: 60, etp: 0.6 });
    const audit = (await t.request('GET', `/api/projects/${t.projectId}/audit`, { token: t.tokens.vp })).json;
    expect(audit.find((a: any) => a.action === 'diagnostic.agents.updated' && a.targetId === target.id)).toMatchObject({ before: { quotitePct: 80 }, after: { quotitePct: 60 } });
  });

  it('XLSX round trip: export every section, re-import each one unchanged, then edit a cell', async () => {
    const res = await t.app.request(`http://localhost${t.base}/export?section=tout&format=xlsx`, { headers: { authorization: `Bearer ${t.tokens.vp}` } });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      'Besoins', 'Services', 'Fréquentation', 'Agents', 'Équipements', 'Finances et population', 'Consultations', 'Indicateurs', 'À lire',
    ]);
    expect(wb.getWorksheet('À lire')!.getCell('B2').value).toMatch(/^Données fictives de démonstration/);
    for (const section of ['besoins', 'services', 'usages', 'agents', 'equipements', 'finances', 'consultations']) {
      const again = await t.as('vp').post('/import/commit', upload(section, bytes, 'diagnostic.xlsx'));
      expect(again.status, `${section} ${JSON.stringify(again.json.error?.details)}`).toBe(200);
      expect(again.json.created + again.json.updated, section).toBe(0);
    }
    const sheet = wb.getWorksheet('Finances et population')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const acCol = header.indexOf('Attribution de compensation (€)');
    const fayRow = [...Array(sheet.rowCount).keys()].map((k) => k + 1).find((n) => String(sheet.getRow(n).getCell(2).value).startsWith('Fayence'))!;
    expect(sheet.getRow(fayRow).getCell(acCol).value).toBe(412000);
    sheet.getRow(fayRow).getCell(acCol).value = -1234.56;
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const commit = await t.as('vp').post('/import/commit', upload('finances', edited, 'diagnostic.xlsx'));
    expect(commit.json).toMatchObject({ created: 0, updated: 1 });
    expect((await t.as('vp').get(`/finances?communeId=${t.fayence}`)).json[0].acCents).toBe(-123456);
  });

  it('multipart upload works too; beyond 5 MiB the answer is 413 payload_too_large', async () => {
    const form = new FormData();
    form.set('section', 'equipements');
    form.set('file', new Blob([csv('Commune;Type;Nom;Capacité (places)', 'Tourrettes;Gymnase;Boulodrome couvert;80')]), 'equipements.csv');
    const res = await t.app.request(`http://localhost${t.base}/import/commit`, { method: 'POST', body: form, headers: { authorization: `Bearer ${t.tokens.techEpci}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: 1 });
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 'a');
    const tooBig = await t.app.request(`http://localhost${t.base}/import/preview`, {
      method: 'POST',
      body: JSON.stringify({ section: 'agents', contentBase64: big.toString('base64') }),
      headers: { authorization: `Bearer ${t.tokens.techEpci}`, 'content-type': 'application/json' },
    });
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error.code).toBe('payload_too_large');
  });

  it('templates carry the id column; CSV for a single section only', async () => {
    const tpl = await t.app.request(`http://localhost${t.base}/template?section=equipements&format=csv`, { headers: { authorization: `Bearer ${t.tokens.caf}` } });
    expect(tpl.status).toBe(200);
    // The BOM makes Excel read the accents; Response.text() would hide it.
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await tpl.arrayBuffer())).toBe('\uFEFFid;Commune;Type;Nom;Adresse;Propriétaire;Capacité (places);Surface (m²);État;Accessibilité PMR;Taux d\'occupation (%);Coût de fonctionnement annuel (€);Commentaire\r\n');
    const xlsx = await t.app.request(`http://localhost${t.base}/template?section=agents&format=xlsx`, { headers: { authorization: `Bearer ${t.tokens.caf}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0].getRow(1).getCell(1).value).toBe('id');
    expect(wb.getWorksheet('Aide')).toBeDefined();
    expect((await t.request('GET', `${t.base}/export?section=tout&format=csv`, { token: t.tokens.vp })).status).toBe(400);
    const indicators = await t.request('GET', `${t.base}/export?section=indicateurs&format=csv`, { token: t.tokens.observer });
    expect(indicators.text.split('\r\n')[0]).toMatch(/^Commune;Code INSEE;Population municipale;Agents recensés;ETP consacrés au service;/);
    expect(indicators.text).toContain('Ensemble des communes;');
  });

  it('a large file (3 000 lines) is checked and written in one go', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `;Fayence;Vacataire été ${i + 1};Commune;C;${10 + (i % 90)};100;BAFA;${1000 + i},50`);
    const file = csv(HEADER, ...lines);
    const started = Date.now();
    const res = await t.as('techFayence').post('/import/commit', upload('agents', file));
    expect(res.json).toMatchObject({ created: 3000, updated: 0 });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect((await t.as('vp').get('/agents')).json).toHaveLength(3016);
  });

  it('partners and observers may not import', async () => {
    for (const who of ['caf', 'observer'] as const) expect((await t.as(who).post('/import/preview', upload('agents', csv(HEADER)))).status).toBe(403);
  });
});
