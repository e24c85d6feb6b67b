import { describe, it, expect } from 'vitest';
import { renderHtml, renderMarkdown } from '../../../server/features/exports/render/index.js';
import { renderDocx } from '../../../server/features/exports/render/docx.js';
import { renderPdf } from '../../../server/features/exports/render/pdf.js';
import { META, longDocument, normalize, readDocx, readPdf } from './support.js';

/** A 100-paragraph document (≈ 20 000 characters, 6–7 PDF pages): each format renders it whole and in < 2 s. */
describe('exports of a long text', () => {
  const { content, paragraphs } = longDocument(100);
  const input = { content, meta: META };

  const timed = async <T>(render: () => T | Promise<T>) => {
    const start = performance.now();
    const out = await render();
    return { out, ms: performance.now() - start };
  };

  it('Markdown: the text after the title block is exactly the paragraphs', async () => {
    const { out, ms } = await timed(() => renderMarkdown(input));
    expect(ms).toBeLessThan(2000);
    expect(out.split('\n---\n\n')[1]).toBe(`${paragraphs.join('\n\n')}\n`);
  });

  it('HTML: every paragraph, in order', async () => {
    const { out, ms } = await timed(() => renderHtml(input));
    expect(ms).toBeLessThan(2000);
    expect(out).toContain(`<main>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</main>`);
  });

  it('DOCX: every paragraph as one run, in order', async () => {
    const { out, ms } = await timed(() => renderDocx(input));
    expect(ms).toBeLessThan(2000);
    const docx = await readDocx(out);
    expect(docx.runs.slice(3)).toEqual(paragraphs);
  });

  it('PDF: every paragraph, over several numbered pages', async () => {
    const { out, ms } = await timed(() => renderPdf(input));
    expect(ms).toBeLessThan(2000);
    const pdf = await readPdf(out);
    expect(pdf.pages).toBeGreaterThan(3);
    // Footers and pdf-parse's page separators may fall inside a paragraph that straddles two pages.
    const body = pdf.text.split('\n').filter((line) => !/Page \d+ \/ \d+$|^-- \d+ of \d+ --$/.test(line.trim()));
    const text = normalize(body.join('\n'));
    let from = 0;
    for (const paragraph of paragraphs) {
      const at = text.indexOf(paragraph, from);
      expect(at, paragraph.slice(0, 15)).toBeGreaterThanOrEqual(from);
      from = at + paragraph.length;
    }
    expect(normalize(pdf.text)).toContain(`Page ${pdf.pages} / ${pdf.pages}`);
  });
});
