/**
 * Shared inputs of the export tests: the editor fixture with fixed metadata (so the version line is literal),
 * and readers for the binary formats (DOCX parts through jszip, PDF text through pdf-parse).
 */
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import type { JSONContent } from '@tiptap/core';
import { EDITOR_FIXTURE } from '../../../shared/editor/fixture.js';
import type { ExportInput, ExportMeta } from '../../../server/features/exports/render/index.js';

/** 27 November 2026, 10:00 in Paris. */
export const META: ExportMeta = {
  title: 'Convention du service commun jeunesse',
  projectTitle: 'Mutualisation du service jeunesse',
  kindLabel: 'Convention',
  generatedAt: new Date('2026-11-27T09:00:00Z'),
};

export const FIXTURE_INPUT: ExportInput = { content: EDITOR_FIXTURE, meta: META };

/** A document of `count` long paragraphs (the « long text » of the timing tests). */
export function longDocument(count = 100): { content: JSONContent; paragraphs: string[] } {
  const paragraphs = Array.from(
    { length: count },
    (_, i) =>
      `Paragraphe ${i + 1} : les communes membres conviennent de mutualiser l’entretien de la voirie, ` +
      `la gestion des équipements sportifs et l’accueil périscolaire, selon une clé de répartition « population ».`,
  );
  return { content: { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }, paragraphs };
}

/** Collapses every run of whitespace (narrow no-break spaces included) to one space. */
export const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Unescapes the five XML entities (what `docx` escapes in `w:t`). */
const unescapeXml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The parts of a DOCX file as strings, plus the text of every `w:t` of the body, unescaped. */
export async function readDocx(buffer: Uint8Array) {
  const zip = await JSZip.loadAsync(buffer);
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`missing part ${name}`);
    return file.async('string');
  };
  const document = await part('word/document.xml');
  const runs = [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]));
  return {
    files: Object.keys(zip.files),
    document,
    runs,
    styles: await part('word/styles.xml'),
    numbering: await part('word/numbering.xml'),
    core: await part('docProps/core.xml'),
    rels: await part('word/_rels/document.xml.rels'),
    footer: await part('word/footer1.xml'),
  };
}

/** Text and document info of a PDF, read back with pdf-parse (pdf.js). */
export async function readPdf(buffer: Uint8Array) {
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo({ parsePageInfo: true });
    const links = info.pages.flatMap((p) => p.links.map((l) => ({ page: p.pageNumber, ...l })));
    return { text: text.text, pages: text.total, info: info.info as Record<string, unknown>, links };
  } finally {
    await parser.destroy();
  }
}
