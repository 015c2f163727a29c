import { describe, expect, it } from 'vitest';
import { importMarkdown } from '@accord/shared';
import { previewOutline } from './previewOutline';

describe('previewOutline', () => {
  it('lists chapters and articles with their numbers in the chosen language', () => {
    const { json } = importMarkdown(
      [
        '# Acuerdo',
        '',
        '## Capítulo I — Disposiciones generales',
        '',
        'Artículo 1 — Objeto',
        '',
        'Texto.',
        '',
        'Artículo 2 — Definiciones',
        '',
        'Texto.',
      ].join('\n'),
    );
    const entries = previewOutline(json, 'es');
    expect(entries.map(({ label, heading, level }) => [label, heading, level])).toEqual([
      ['Capítulo I', 'Disposiciones generales', 1],
      ['Artículo 1', 'Objeto', 2],
      ['Artículo 2', 'Definiciones', 2],
    ]);
    expect(previewOutline(json, 'fr').map((e) => e.label)).toEqual([
      'Chapitre premier',
      'Article premier',
      'Article 2',
    ]);
  });
});
