/**
 * The fonts embedded in PDF exports. PDF's 14 standard fonts only cover WinAnsi: « ’ · and the narrow no-break
 * space French typography uses would come out as garbage, so we embed DejaVu Sans (subsetted by pdfkit).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Font names registered on every PDF document. */
export const FONT = {
  regular: 'Sans',
  bold: 'Sans-Bold',
  italic: 'Sans-Oblique',
  boldItalic: 'Sans-BoldOblique',
  mono: 'Mono',
} as const;

const FILES: Record<(typeof FONT)[keyof typeof FONT], string> = {
  [FONT.regular]: 'DejaVuSans.ttf',
  [FONT.bold]: 'DejaVuSans-Bold.ttf',
  [FONT.italic]: 'DejaVuSans-Oblique.ttf',
  [FONT.boldItalic]: 'DejaVuSans-BoldOblique.ttf',
  [FONT.mono]: 'DejaVuSansMono.ttf',
};

let cache: Map<string, Buffer> | null = null;

/**
 * The font files, read once per process (≈ 3 MB in all): reading them on every export would cost more than the
 * rendering itself. Resolved through the package so that the path works from sources and from tests alike.
 */
function fontBuffers(): Map<string, Buffer> {
  if (!cache) {
    const require = createRequire(import.meta.url);
    cache = new Map(Object.entries(FILES).map(([name, file]) => [name, readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))]));
  }
  return cache;
}

/** Registers the export fonts on a pdfkit document. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, buffer] of fontBuffers()) doc.registerFont(name, buffer);
}

/** The registered font for a combination of bold/italic/code. */
export function fontFor(style: { bold?: boolean; italic?: boolean; code?: boolean }): string {
  if (style.code) return FONT.mono;
  if (style.bold && style.italic) return FONT.boldItalic;
  if (style.bold) return FONT.bold;
  if (style.italic) return FONT.italic;
  return FONT.regular;
}
