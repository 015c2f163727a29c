import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from './fileNameFromDisposition';

describe('fileNameFromDisposition', () => {
  it('prefers the exact UTF-8 name', () => {
    expect(
      fileNameFromDisposition(
        `attachment; filename="acuerdo-regional-v3.pdf"; filename*=UTF-8''Acuerdo%20regional%20de%20Escaz%C3%BA-v3.pdf`,
        'x',
      ),
    ).toBe('Acuerdo regional de Escazú-v3.pdf');
  });

  it('falls back to the plain name, then to the given one', () => {
    expect(fileNameFromDisposition('attachment; filename="plan-live.md"', 'x')).toBe('plan-live.md');
    expect(fileNameFromDisposition('attachment; filename=plan.md', 'x')).toBe('plan.md');
    expect(fileNameFromDisposition('attachment', 'document.pdf')).toBe('document.pdf');
    expect(fileNameFromDisposition(null, 'document.pdf')).toBe('document.pdf');
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''%E0%A4%A`, 'broken.pdf')).toBe('broken.pdf');
  });

  it('never names a path', () => {
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"', 'x')).toBe('..-..-etc-passwd');
  });
});
