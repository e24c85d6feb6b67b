import { all, projectReaders, type Row, type ActorName } from '../actors.js';

/**
 * Diagnostic routes. `:communeId` is Fayence (participating), `:recordId` a Fayence record of the section (for
 * consultations: the Fayence visit the CAF took part in), `:missionKey` a mission the project added and nobody uses.
 * In bodies, `{fayence}`, `{mons}` and `{fayenceService}` stand for ids (see routes-matrix.test.ts).
 * Writers of Fayence's data: administrator, facilitator, EPCI technician, Fayence's élu and technician.
 */
const writers = (ok: number, overrides: Partial<Record<ActorName, number>> = {}) =>
  all(403, { anon: 401, admin: ok, vp: ok, techEpci: ok, eluFayence: ok, techFayence: ok, ...overrides });
/** Administrator, facilitator, EPCI technician: every commune's data. */
const epciStaff = (ok: number) => all(403, { anon: 401, admin: ok, vp: ok, techEpci: ok });

const P = '/api/projects/:projectId/diagnostic';
const csv = Buffer.from('Commune;Poste;Employeur\r\nFayence;Animateur séjours;Commune\r\n').toString('base64');

const sections: { name: string; create: unknown; createExpect: Record<ActorName, number>; patch: unknown; patchExpect?: Record<ActorName, number> }[] = [
  { name: 'besoins', create: { communeId: '{fayence}', missionKey: 'chantiers_jeunes', existing: 'non', unmetNeed: true }, createExpect: writers(201), patch: { priority: 'basse' } },
  { name: 'services', create: { communeId: '{fayence}', name: 'Séjours ados' }, createExpect: writers(201), patch: { name: 'Accueil de loisirs municipal' } },
  { name: 'usages', create: { serviceId: '{fayenceService}', residence: 'hors_territoire', units: 10 }, createExpect: writers(201), patch: { units: 99 } },
  { name: 'agents', create: { communeId: '{fayence}', jobTitle: 'Animateur', employer: 'commune' }, createExpect: writers(201), patch: { quotitePct: 90 } },
  { name: 'equipements', create: { communeId: '{fayence}', type: 'gymnase', name: 'Dojo' }, createExpect: writers(201), patch: { capacity: 50 } },
  // Mons (invited, no finances yet): only the EPCI staff write its data.
  { name: 'finances', create: { communeId: '{mons}', year: 2025, childrenUnder3: 20 }, createExpect: epciStaff(201), patch: { childrenUnder3: 170 } },
  {
    name: 'consultations',
    create: { communeIds: ['{fayence}'], date: '2026-11-02', kind: 'entretien_elus', title: 'Point avec le maire' },
    createExpect: writers(201),
    patch: { minutes: 'Compte rendu complété.' },
    // The CAF took part in this visit: it may complete it.
    patchExpect: writers(200, { caf: 200 }),
  },
];

export const DIAGNOSTIC_ROWS: Row[] = [
  { route: `GET ${P}`, expect: projectReaders(200) },
  { route: `GET ${P}/indicators`, expect: projectReaders(200) },
  { route: `GET ${P}/overlap`, expect: projectReaders(200) },
  { route: `POST ${P}/missions`, body: { label: 'Aide au permis' }, expect: epciStaff(201) },
  { route: `DELETE ${P}/missions/:missionKey`, expect: epciStaff(204) },
  // Fayence's consultations are « en cours »: whoever writes Fayence's data submits them.
  { route: `POST ${P}/completeness/:communeId/:section/submit`, body: {}, expect: writers(200) },
  // Fayence's agents are submitted: only Fayence's élu validates (not the facilitator, not the administrator).
  { route: `POST ${P}/completeness/:communeId/:section/review`, body: { decision: 'valide' }, expect: all(403, { anon: 401, eluFayence: 200 }) },
  ...sections.flatMap((s): Row[] => [
    { route: `GET ${P}/${s.name}`, expect: projectReaders(200) },
    { route: `POST ${P}/${s.name}`, body: s.create, expect: s.createExpect },
    { route: `PATCH ${P}/${s.name}/:recordId`, body: s.patch, expect: s.patchExpect ?? writers(200) },
    { route: `DELETE ${P}/${s.name}/:recordId`, expect: writers(204) },
  ]),
  // Seillans' élu may import, but not this Fayence line: the preview lists it, the commit refuses the file.
  { route: `POST ${P}/import/preview`, body: { section: 'agents', contentBase64: csv }, expect: writers(200, { eluSeillans: 200 }) },
  { route: `POST ${P}/import/commit`, body: { section: 'agents', contentBase64: csv }, expect: writers(200, { eluSeillans: 400 }) },
  { route: `GET ${P}/export`, expect: projectReaders(200) },
  { route: `GET ${P}/template`, expect: projectReaders(200) },
];
