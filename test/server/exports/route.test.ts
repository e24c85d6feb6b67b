import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { applyJSONMinimal } from '../../../shared/editor/index.js';
import { EDITOR_FIXTURE } from '../../../shared/editor/fixture.js';
import { collectTexts, renderMarkdown } from '../../../server/features/exports/render/index.js';
import { createExportsTestApp, type ExportsTestApp } from './setup.js';
import { longDocument, normalize, readDocx, readPdf } from './support.js';

const TITLE = 'Convention du service commun « jeunesse »';
const SLUG = 'convention-du-service-commun-jeunesse';

describe('GET /api/documents/{documentId}/export', () => {
  let t: ExportsTestApp;
  let docId: string;
  const url = (format?: string, id = docId) => `/api/documents/${id}/export${format === undefined ? '' : `?format=${format}`}`;

  beforeEach(async () => {
    t = await createExportsTestApp();
    docId = await t.createDocument('convention', TITLE);
    // The template seeded at creation is replaced block by block, as a server-side edit would do.
    await t.collaboration.edit(docId, (doc) => {
      applyJSONMinimal(doc, EDITOR_FIXTURE);
    });
  });
  afterEach(() => t.close());

  it.each([
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['pdf', 'application/pdf'],
    ['html', 'text/html; charset=utf-8'],
    ['md', 'text/markdown; charset=utf-8'],
  ])('answers %s as an attachment named after the title', async (format, contentType) => {
    const res = await t.download(url(format), t.tokens.vp);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(contentType);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${SLUG}.${format}"; filename*=UTF-8''${SLUG}.${format}`);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.bytes.byteLength).toBeGreaterThan(500);
  });

  it('exports the live text of the document with its title, project and version line', async () => {
    const md = await t.download(url('md'), t.tokens.vp);
    const meta = { title: TITLE, projectTitle: t.demoProject().title, kindLabel: 'Convention', generatedAt: t.clock.now() };
    expect(md.text).toBe(renderMarkdown({ content: EDITOR_FIXTURE, meta }));
    expect(md.text).toContain('*Document de travail — version du 27 novembre 2026 à 10 h 00*');

    const docx = await readDocx((await t.download(url('docx'), t.tokens.vp)).bytes);
    for (const text of collectTexts(EDITOR_FIXTURE)) expect(docx.runs, text).toContain(text);
    expect(docx.document).toContain('<w:tbl>');

    const pdf = await readPdf((await t.download(url('pdf'), t.tokens.vp)).bytes);
    for (const text of collectTexts(EDITOR_FIXTURE)) expect(normalize(pdf.text), text).toContain(normalize(text));

    const html = await t.download(url('html'), t.tokens.vp);
    expect(html.text).toContain('<h1>Convention de mutualisation</h1>');
    expect(html.text).toContain(`<title>${TITLE}</title>`);
  });

  it('answers the PDF when no format is given', async () => {
    const res = await t.download(url(), t.tokens.vp);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode(res.bytes.subarray(0, 5))).toBe('%PDF-');
  });

  it('lets readers who cannot write export (observer, partner)', async () => {
    for (const who of ['observer', 'caf'] as const) {
      const res = await t.download(url('docx'), t.tokens[who]);
      expect(res.status, who).toBe(200);
    }
  });

  it('refuses an élu of a commune without participation (403), anonymous callers (401)', async () => {
    const bagnols = await t.addUser('elu.bagnols@exemple.fr', 'elu_communal', '83008');
    const denied = await t.download(url('pdf'), bagnols);
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe('forbidden');
    const anonymous = await t.download(url('pdf'));
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.code).toBe('unauthenticated');
  });

  it('answers 404 for an unknown document and 400 for an unknown format', async () => {
    const unknown = await t.download(url('pdf', 'doc_inconnu'), t.tokens.vp);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ error: { code: 'document_not_found', message: 'Document introuvable.' } });
    for (const format of ['odt', 'PDF', '']) {
      const bad = await t.download(url(format), t.tokens.vp);
      expect(bad.status, format).toBe(400);
      expect(bad.json.error.code).toBe('validation_error');
      expect(bad.json.error.message).toBe('Donnée invalide (format) : Format attendu : docx, pdf, html ou md');
    }
  });

  it('is listed in the OpenAPI document with its formats', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).json;
    const op = doc.paths['/documents/{documentId}/export'].get;
    expect(op.parameters.find((p: { name: string }) => p.name === 'format').schema.enum).toEqual(['docx', 'pdf', 'html', 'md']);
    expect(Object.keys(op.responses[200].content)).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/pdf',
      'text/html; charset=utf-8',
      'text/markdown; charset=utf-8',
    ]);
  });

  it('exports a 100-paragraph document in every format in < 2 s each', async () => {
    const { content, paragraphs } = longDocument(100);
    await t.collaboration.edit(docId, (doc) => {
      applyJSONMinimal(doc, content);
    });
    for (const format of ['docx', 'pdf', 'html', 'md']) {
      const start = performance.now();
      const res = await t.download(url(format), t.tokens.vp);
      expect(res.status).toBe(200);
      expect(performance.now() - start, format).toBeLessThan(2000);
    }
    const md = await t.download(url('md'), t.tokens.vp);
    expect(md.text.split('\n---\n\n')[1]).toBe(`${paragraphs.join('\n\n')}\n`);
  });
});
