import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface DejaVuFonts {
  regular: Buffer;
  bold: Buffer;
  italic: Buffer;
  boldItalic: Buffer;
}

const FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
};

let fonts: DejaVuFonts | undefined;

/**
 * The DejaVu Sans faces (package dejavu-fonts-ttf), read once per process. DejaVu covers the
 * Latin, Greek and Cyrillic scripts, so Spanish, Portuguese and French text renders with every
 * accent; the PDF embeds the subset of glyphs it uses.
 */
export function dejaVuFonts(): DejaVuFonts {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    const path = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
    fonts = {
      regular: readFileSync(path(FILES.regular)),
      bold: readFileSync(path(FILES.bold)),
      italic: readFileSync(path(FILES.italic)),
      boldItalic: readFileSync(path(FILES.boldItalic)),
    };
  }
  return fonts;
}
