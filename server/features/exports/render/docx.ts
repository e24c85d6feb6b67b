/**
 * DOCX export with `docx`: French document properties and proofing language, built-in Title/Heading styles,
 * list numbering definitions, and a footer « Page X / Y » made of Word fields (Word computes the numbers).
 */
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { BULLET_REF, ORDERED_REF, docxOfBlocks, listLevels } from './docx-blocks.js';
import { subtitleLine, versionLine, type ExportInput } from './meta.js';

const FONT = 'Calibri';
// Sizes are in half-points, as in WordprocessingML.
const heading = (size: number) => ({
  run: { font: FONT, size, bold: true, color: '1F3864' },
  paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true },
});

function titleBlock(input: ExportInput): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(input.meta.title)] }),
    new Paragraph({ children: [new TextRun({ text: subtitleLine(input.meta), size: 24 })] }),
    new Paragraph({
      children: [new TextRun({ text: versionLine(input.meta), italics: true, color: '595959' })],
      spacing: { after: 360 },
      border: { bottom: { style: 'single', size: 6, color: '999999', space: 4 } },
    }),
  ];
}

function footer(input: ExportInput): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: `${input.meta.title} — ${versionLine(input.meta)}`, size: 16, color: '595959' }),
          new TextRun({ text: '', break: 1 }),
          new TextRun({ children: ['Page ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 18 }),
        ],
      }),
    ],
  });
}

/** The `docx` Document model (exported for tests that inspect it before packing). */
export function buildDocx(input: ExportInput): Document {
  const { meta } = input;
  return new Document({
    title: meta.title,
    subject: meta.projectTitle,
    creator: 'Mutualab',
    lastModifiedBy: 'Mutualab',
    description: versionLine(meta),
    keywords: ['Mutualab', meta.kindLabel, meta.projectTitle].filter(Boolean).join(', '),
    styles: {
      default: {
        // fr-FR on every run: Word then proofreads in French and applies French typography rules.
        document: { run: { font: FONT, size: 22, language: { value: 'fr-FR' } }, paragraph: { spacing: { after: 120 } } },
        title: { run: { font: FONT, size: 44, bold: true, color: '1F3864' }, paragraph: { spacing: { after: 60 } } },
        heading1: heading(32),
        heading2: heading(28),
        heading3: heading(24),
        heading4: heading(22),
        heading5: heading(22),
        heading6: heading(22),
      },
    },
    numbering: {
      config: [
        { reference: BULLET_REF, levels: listLevels(false) },
        { reference: ORDERED_REF, levels: listLevels(true) },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: { default: footer(input) },
        children: [...titleBlock(input), ...docxOfBlocks(input.content.content)],
      },
    ],
  });
}

/** The DOCX file (A4, French) of a document. */
export async function renderDocx(input: ExportInput): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(input));
}
