import { describe, expect, it } from 'vitest';
import { renderPositionsCsv, type PositionsMatrix } from './renderPositionsCsv.js';

const matrix: PositionsMatrix = {
  clauses: [{ clauseId: 'Art0000001', label: 'Article 1', heading: 'Legal aid' }],
  organisations: [
    { id: 'a', name: 'Justicia Abierta', country: 'AR' },
    { id: 'b', name: 'University of Lagos', country: 'NG', left: true },
    { id: 'c', name: 'Coalition', country: '', left: true },
  ],
  statuses: new Map(),
  positions: new Map([['Art0000001:b', { stance: 'objection' as const, note: null }]]),
};

const header = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')[0]!
    .slice(1, -1)
    .split('","');

describe('renderPositionsCsv', () => {
  it('marks the columns of organisations that have left, in the document’s language', () => {
    expect(header(renderPositionsCsv(matrix, 'en')).slice(4, 7)).toEqual([
      'Justicia Abierta (AR)',
      'University of Lagos (NG) (left)',
      'Coalition (left)',
    ]);
    expect(header(renderPositionsCsv(matrix, 'es'))[5]).toBe('University of Lagos (NG) (ya no participa)');
    expect(header(renderPositionsCsv(matrix, 'pt'))[5]).toBe('University of Lagos (NG) (já não participa)');
    expect(header(renderPositionsCsv(matrix, 'fr'))[5]).toBe('University of Lagos (NG) (ne participe plus)');
  });

  it('counts their positions in the tallies', () => {
    const row = renderPositionsCsv(matrix, 'en').split('\r\n')[1]!.slice(1, -1).split('","');
    expect(row[5]).toBe('Objection');
    expect(row.slice(-3)).toEqual(['0', '0', '1']);
  });
});
