import { describe, expect, it } from 'vitest';
import { stripBidiControls } from './stripBidiControls.js';

describe('stripBidiControls', () => {
  it('removes overrides, embeddings, isolates and marks, and keeps right-to-left text', () => {
    expect(stripBidiControls('report\u202Efdp.exe')).toBe('reportfdp.exe');
    expect(stripBidiControls('\u2067Plan\u2069 \u200F2026\u200E\u061C')).toBe('Plan 2026');
    expect(stripBidiControls('اتفاقية الوصول إلى العدالة')).toBe('اتفاقية الوصول إلى العدالة');
  });
});
