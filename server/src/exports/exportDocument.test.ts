import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportDocument } from './exportDocument.js';
import { EXPORT_FORMAT_IDS } from './exportFormats.js';
import { renderHtml } from './renderHtml.js';
import { craftedDocument, exportInput, largeAgreement, templateActionPlan } from './exportTestDocuments.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('exportDocument', () => {
  it(
    'dispatches every format to its renderer, with media type and extension',
    { timeout: 60_000 },
    async () => {
      const input = templateActionPlan('es');
      const expected = {
        html: ['text/html; charset=utf-8', 'html', '<!DOCTYPE html>'],
        md: ['text/markdown; charset=utf-8', 'md', '# Plan de acción'],
        docx: [
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'docx',
          'PK\u0003\u0004',
        ],
        pdf: ['application/pdf', 'pdf', '%PDF-'],
        akn: ['application/akn+xml', 'xml', '<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso'],
      };
      expect([...EXPORT_FORMAT_IDS].sort()).toEqual(Object.keys(expected).sort());
      for (const format of EXPORT_FORMAT_IDS) {
        const file = await exportDocument(format, input);
        const [contentType, extension, start] = expected[format];
        expect({ format, contentType: file.contentType, extension: file.extension }).toEqual({
          format,
          contentType,
          extension,
        });
        const magic = Buffer.from(start!, 'utf8');
        expect(file.body.subarray(0, magic.length).equals(magic)).toBe(true);
      }
      expect((await exportDocument('html', input)).body.toString('utf8')).toBe(renderHtml(input));
    },
  );

  it(
    'gives byte-identical files for the same input, whatever the time of export',
    { timeout: 60_000 },
    async () => {
      const input = exportInput(craftedDocument(), 'fr', 'action_plan');
      vi.useFakeTimers({ toFake: ['Date'] });
      for (const format of EXPORT_FORMAT_IDS) {
        vi.setSystemTime(new Date('2031-01-01T08:00:00Z'));
        const first = await exportDocument(format, input);
        vi.setSystemTime(new Date('2032-06-15T17:45:31Z'));
        const second = await exportDocument(format, input);
        expect({ format, identical: first.body.equals(second.body) }).toEqual({ format, identical: true });
      }
    },
  );

  it(
    'exports a 200-article agreement in every format (times are printed, not asserted)',
    { timeout: 120_000 },
    async () => {
      const input = exportInput(largeAgreement('en', 200), 'en', 'agreement');
      expect(input.canonical.clauses.filter((c) => c.kind === 'article')).toHaveLength(200);
      const times: string[] = [];
      for (const format of EXPORT_FORMAT_IDS) {
        const start = performance.now();
        const file = await exportDocument(format, input);
        times.push(`${format} ${(performance.now() - start).toFixed(0)} ms (${file.body.length} bytes)`);
        expect(file.body.length).toBeGreaterThan(10_000);
      }
      console.log(`200-article agreement: ${times.join(', ')}`);
    },
  );
});
