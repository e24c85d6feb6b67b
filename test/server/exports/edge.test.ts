import { describe, it, expect } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { collectTexts, renderExport, EXPORT_FORMATS } from '../../../server/features/exports/render/index.js';
import { parseEditorJSON } from '../../../shared/editor/index.js';
import { META, normalize, readDocx, readPdf } from './support.js';

const text = (t: string, ...marks: string[]): JSONContent => ({ type: 'text', text: t, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const cell = (type: string, attrs: Record<string, number>, t: string): JSONContent => ({ type, attrs: { colspan: 1, rowspan: 1, colwidth: null, ...attrs }, content: [p(text(t))] });

/** Every other node and mark of the editor schema (StarterKit + tables), valid against the schema. */
const EVERYTHING: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 4 }, content: [text('Niveau quatre')] },
    p(text('barré', 'strike'), text(' '), text('souligné', 'underline'), text(' '), text('code_inline', 'code'), { type: 'hardBreak' }, text('après le saut')),
    { type: 'blockquote', content: [p(text('Une citation'))] },
    { type: 'codeBlock', attrs: { language: 'js' }, content: [text('const a = 1;\nconst b = 2;')] },
    { type: 'horizontalRule' },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', { colspan: 2 }, 'Fusion horizontale'), cell('tableHeader', {}, 'Trois')] },
        { type: 'tableRow', content: [cell('tableCell', { rowspan: 2 }, 'Fusion verticale'), cell('tableCell', {}, 'b2'), cell('tableCell', {}, 'c2')] },
        { type: 'tableRow', content: [cell('tableCell', {}, 'b3'), cell('tableCell', {}, 'c3')] },
      ],
    },
    { type: 'paragraph' },
  ],
};

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('exports of every other block and mark', () => {
  it('the sample is valid editor content', () => {
    expect(() => parseEditorJSON(EVERYTHING)).not.toThrow();
  });

  it.each(EXPORT_FORMATS)('%s keeps every text', async (format) => {
    const bytes = await renderExport(format, { content: EVERYTHING, meta: META });
    const texts = collectTexts(EVERYTHING).flatMap((t) => t.split('\n'));
    let haystack: string;
    if (format === 'docx') haystack = (await readDocx(bytes)).runs.join('\n');
    else if (format === 'pdf') haystack = normalize((await readPdf(bytes)).text);
    else haystack = decode(bytes);
    for (const t of texts) expect(haystack, t).toContain(t);
  });

  it('writes them in Markdown as expected', async () => {
    const out = decode(await renderExport('md', { content: EVERYTHING, meta: META }));
    const md = out.slice(out.indexOf('\n---\n\n') + 6); // after the title block
    expect(md).toBe(
      [
        '#### Niveau quatre',
        '',
        '~~barré~~ <u>souligné</u> `code_inline`\\',
        'après le saut',
        '',
        '> Une citation',
        '',
        '```js',
        'const a = 1;',
        'const b = 2;',
        '```',
        '',
        '---',
        '',
        '| Fusion horizontale |   | Trois |',
        '| --- | --- | --- |',
        '| Fusion verticale | b2 | c2 |',
        '|   | b3 | c3 |',
        '',
      ].join('\n'),
    );
  });

  it('merges the spanned cells in Word (gridSpan, vMerge)', async () => {
    const docx = await readDocx(await renderExport('docx', { content: EVERYTHING, meta: META }));
    expect(docx.document).toContain('<w:gridSpan w:val="2"/>');
    expect(docx.document).toContain('<w:vMerge w:val="restart"/>');
    expect(docx.document).toMatch(/<w:vMerge(?: w:val="continue")?\/>/);
    expect(docx.document).toContain('<w:pStyle w:val="Heading4"/>');
  });

  it.each(EXPORT_FORMATS)('%s renders an empty document', async (format) => {
    const bytes = await renderExport(format, { content: { type: 'doc', content: [{ type: 'paragraph' }] }, meta: META });
    expect(bytes.byteLength).toBeGreaterThan(100);
  });
});
