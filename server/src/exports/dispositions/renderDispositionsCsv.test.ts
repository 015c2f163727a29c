import { describe, expect, it } from 'vitest';
import { renderDispositionsCsv } from './renderDispositionsCsv.js';
import { sampleReport } from './dispositionReportFixture.js';

/** RFC 4180 read back: records of fields (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 2;
      continue;
    }
    if (quoted) {
      if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      field = '';
      record = [];
      i += 1;
    } else if (c === '\r' || c === '\n') {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else {
      field += c;
    }
    i += 1;
  }
  if (field !== '' || record.length) throw new Error('the last record does not end with CRLF');
  return records;
}

describe('renderDispositionsCsv', () => {
  const csv = renderDispositionsCsv(sampleReport());

  it('starts with the UTF-8 byte-order mark and keeps accented names', () => {
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('María José Núñez');
    expect(csv).toContain('João Gonçalves');
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and reads back one record per thread', () => {
    const records = parseCsv(csv.slice(1));
    expect(records).toHaveLength(3);
    expect(records.every((r) => r.length === 14)).toBe(true);
    const [header, first, second] = records as [string[], string[], string[]];
    expect(header).toEqual([
      'N.º',
      'Cláusula (Versión 2)',
      'Cláusula ahora',
      'Texto citado',
      'Comentario',
      'Autor',
      'Organización',
      'País',
      'Fecha',
      'Estado',
      'Respuestas',
      'Decisión',
      'Motivo',
      'Registrada por',
    ]);
    expect(first).toEqual([
      '1',
      'Artículo 2, 1.',
      'Artículo 3, 1.',
      'la <asistencia> "gratuita", & más',
      'Primera línea\nsegunda "línea", con coma',
      'María José Núñez',
      'Fundación Acción, Justicia',
      'Colombia',
      '2025-04-02',
      'Abierto',
      'João Gonçalves (Associação Cidadã, Brasil): De acordo.\n\nZoë Lefèvre: (eliminado)',
      'No aceptado',
      'Fuera del mandato; véase el art. 5.',
      'Coral (2025-04-02)',
    ]);
    expect(csv).toContain('"Primera línea\nsegunda ""línea"", con coma"');
    // a formula is not run by the spreadsheet; absent values are empty
    expect(second).toEqual([
      '2',
      '(no figura en esta versión)',
      'Artículo 1',
      '',
      `'=HYPERLINK("http://evil")`,
      'Ñandú Pérez',
      '',
      '',
      '2025-04-02',
      'Resuelto · solo equipo de redacción',
      '',
      'Pendiente',
      '',
      '',
    ]);
  });

  it('writes the headers in the language of the document', () => {
    expect(renderDispositionsCsv(sampleReport('en'))).toMatch(/^\uFEFFNo\.,Clause \(Versión 2\),Clause now,/);
    expect(renderDispositionsCsv(sampleReport('fr'))).toContain('Suite donnée,Motif');
    expect(renderDispositionsCsv(sampleReport('pt'))).toContain('Não aceito');
  });
});
