import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import ExcelJS from 'exceljs';
import { createScenariosTestApp } from './support.js';

let s: Awaited<ReturnType<typeof createScenariosTestApp>>;
beforeAll(async () => {
  s = await createScenariosTestApp();
});
afterAll(async () => {
  await s.t.close();
});

const ids = () => `${s.demo.serviceCommun.id},${s.demo.entente.id}`;
const values = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);

describe('comparison of scenarios', () => {
  it('lines up the two demo scenarios: costs, ETP by employer, equipment, contributions and warnings', async () => {
    const res = await s.t.request('GET', `/api/projects/${s.projectId}/scenarios/compare?ids=${ids()}`, { token: s.tokens.eluSeillans });
    expect(res.status).toBe(200);
    expect(res.json.scenarios.map((x: any) => [x.label, x.instrumentLabel, x.netCents, x.etp, x.equipment])).toEqual([
      ['Service commun jeunesse porté par la CC', 'Service commun', 68_750_000, { epci: 10, commune: 2.5, total: 12.5 }, { conserve: 3, ferme: 1, partage: 2 }],
      ['Entente intercommunale entre communes volontaires', 'Entente intercommunale', 43_556_000, { epci: 0, commune: 8.7, total: 8.7 }, { conserve: 3, ferme: 0, partage: 1 }],
    ]);
    expect(res.json.cheapestId).toBe(s.demo.entente.id);
    expect(res.json.communes.map((c: any) => [c.name, c.byScenario[s.demo.serviceCommun.id]?.contributionCents ?? null, c.byScenario[s.demo.entente.id]?.contributionCents ?? null])).toEqual([
      ['Fayence', 23_793_196, 19_865_660],
      ['Seillans', 10_537_999, 10_123_874],
      ['Montauroux', 25_618_763, null],
      ['Tourrettes', 8_800_042, 9_418_916],
      ["Les Adrets-de-l'Estérel", null, 4_147_550],
    ]);
    expect(res.json.warnings.map((w: any) => w.message)).toEqual([
      "Service commun jeunesse porté par la CC : Tourrettes paierait plus qu'aujourd'hui.",
      "Entente intercommunale entre communes volontaires : Tourrettes, Les Adrets-de-l'Estérel paieraient plus qu'aujourd'hui.",
    ]);
  });

  it('refuses fewer than two, more than four, and scenarios of another project', async () => {
    const get = (q: string) => s.t.request('GET', `/api/projects/${s.projectId}/scenarios/compare?ids=${q}`, { token: s.tokens.vp });
    expect((await get(s.demo.entente.id)).status).toBe(400);
    expect((await get('a,b,c,d,e')).status).toBe(400);
    expect((await get(`${s.demo.entente.id},${s.demo.entente.id}`)).json.error.code).toBe('comparison_invalid');
    expect((await get(`${s.demo.entente.id},scn_autre`)).status).toBe(404);
  });

  it('exports an XLSX workbook that reads back with the same figures', async () => {
    const res = await s.t.app.request(`http://localhost/api/projects/${s.projectId}/scenarios/compare/export?ids=${ids()}&format=xlsx`, { headers: { authorization: `Bearer ${s.tokens.caf}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('comparaison-des-scenarios.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Comparaison', 'Contributions', 'Alertes']);
    const main = wb.getWorksheet('Comparaison')!;
    const line = (label: string) => { let found: unknown[] = []; main.eachRow((r) => { if (r.getCell(1).value === label) found = values(r); }); return found; };
    expect(values(main.getRow(4))).toEqual(['', 'Service commun jeunesse porté par la CC', 'Entente intercommunale entre communes volontaires']);
    expect(line('Coût net projeté')).toEqual(['Coût net projeté', 687_500, 435_560]);
    expect(line('ETP employés par les communes')).toEqual(['ETP employés par les communes', 2.5, 8.7]);
    expect(line('Instrument juridique')).toEqual(['Instrument juridique', 'Service commun', 'Entente intercommunale']);
    const contrib = wb.getWorksheet('Contributions')!;
    expect(values(contrib.getRow(2)).slice(0, 4)).toEqual(['Fayence', '83055', 237_931.96, -93_068.04]);
    expect(values(contrib.getRow(contrib.rowCount)).filter((v) => typeof v === 'number')).toEqual([687_500, 435_560]);
    expect(wb.getWorksheet('Alertes')!.rowCount).toBe(3);
  });

  it('exports a PDF', async () => {
    const res = await s.t.app.request(`http://localhost/api/projects/${s.projectId}/scenarios/compare/export?ids=${ids()}&format=pdf`, { headers: { authorization: `Bearer ${s.tokens.vp}` } });
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(5000);
  });
});
