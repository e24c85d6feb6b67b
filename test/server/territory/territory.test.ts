import { describe, it, expect, beforeEach } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../../support/test-app.js';

describe('territory from official data', () => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp();
    admin = (await t.login(DEMO.admin)).token;
  });

  it('the demo territory is the real CC du Pays de Fayence with its 9 communes and the outside one', async () => {
    const [territory] = (await t.request('GET', '/api/territories', { token: admin })).json;
    expect(territory).toMatchObject({ siren: '200004802', name: 'CC du Pays de Fayence', nature: 'CC', fiscalRegime: 'FPU', memberCount: 9 });
    const res = await t.request('GET', `/api/territories/${territory.id}/communes`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.json).toHaveLength(10);
    const byInsee = Object.fromEntries(res.json.map((c: any) => [c.inseeCode, c]));
    expect(byInsee['83055']).toMatchObject({ name: 'Fayence', member: true });
    expect(byInsee['83124']).toMatchObject({ name: 'Seillans', member: true });
    expect(byInsee['83001']).toMatchObject({ name: "Les Adrets-de-l'Estérel", member: false });
    expect(res.json.filter((c: any) => c.member).map((c: any) => c.inseeCode).sort()).toEqual(
      ['83008', '83029', '83055', '83080', '83081', '83117', '83124', '83133', '83138'],
    );
    // populations come from the official file, not typed by hand
    expect(byInsee['83081'].population).toBeGreaterThan(5000);
    expect(Object.keys(res.json[0]).sort()).toEqual(['id', 'inseeCode', 'member', 'name', 'population', 'siren']);
    const partners = (await t.request('GET', `/api/territories/${territory.id}/partners`, { token: admin })).json;
    expect(partners.map((p: any) => p.name)).toEqual(['CAF du Var', 'Conseil départemental du Var']);
  });

  it('an administrator creates a territory from a real SIREN', async () => {
    const res = await t.request('POST', '/api/territories', { token: admin, body: { siren: '200035319' } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ siren: '200035319', name: "CA Estérel Côte d'Azur Agglomération", nature: 'CA', fiscalRegime: 'FPU', memberCount: 5 });
    const communes = (await t.request('GET', `/api/territories/${res.json.id}/communes`, { token: admin })).json;
    expect(communes.map((c: any) => c.name)).toContain('Fréjus');
    const again = await t.request('POST', '/api/territories', { token: admin, body: { siren: '200035319' } });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('territory_exists');
  });

  it('records the fiscal regime FA for an EPCI à fiscalité additionnelle', async () => {
    const res = await t.request('POST', '/api/territories', { token: admin, body: { siren: '200000545' } });
    expect(res.status).toBe(201);
    expect(res.json.fiscalRegime).toBe('FA');
  });

  it('refuses an unknown SIREN and a malformed one with clear 400s', async () => {
    const unknown = await t.request('POST', '/api/territories', { token: admin, body: { siren: '123456789' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toEqual({ code: 'unknown_siren', message: 'Aucun EPCI ne porte le SIREN 123456789 dans le référentiel officiel.' });
    const malformed = await t.request('POST', '/api/territories', { token: admin, body: { siren: '12AB' } });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe('validation_error');
    expect(malformed.json.error.message).toContain('Le SIREN compte 9 chiffres');
  });

  it('adds an outside commune by INSEE code; unknown code → 400', async () => {
    const territoryId = t.demoProject().territoryId;
    const ok = await t.request('POST', `/api/territories/${territoryId}/communes`, { token: admin, body: { inseeCode: '83118' } });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ inseeCode: '83118', name: 'Saint-Raphaël', member: false });
    const unknown = await t.request('POST', `/api/territories/${territoryId}/communes`, { token: admin, body: { inseeCode: '99999' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe('unknown_insee_code');
    const dup = await t.request('POST', `/api/territories/${territoryId}/communes`, { token: admin, body: { inseeCode: '83055' } });
    expect(dup.status).toBe(409);
  });

  it('only administrators manage territories and partners', async () => {
    const vp = (await t.login(DEMO.vp)).token;
    const territoryId = t.demoProject().territoryId;
    expect((await t.request('POST', '/api/territories', { token: vp, body: { siren: '200035319' } })).status).toBe(403);
    expect((await t.request('POST', `/api/territories/${territoryId}/partners`, { token: vp, body: { name: 'MSA', kind: 'msa' } })).status).toBe(403);
    const created = await t.request('POST', `/api/territories/${territoryId}/partners`, { token: admin, body: { name: 'MSA Provence Azur', kind: 'msa' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'MSA Provence Azur', kind: 'msa' });
  });

  it('an unknown territory is a 404', async () => {
    const res = await t.request('GET', '/api/territories/ter_inexistant/communes', { token: admin });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('territory_not_found');
  });
});
