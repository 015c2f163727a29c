import { describe, expect, it } from 'vitest';
import { rebaseAmendment } from './rebaseAmendment.js';
import type { AmendmentActionFields, ClauseContent } from './ClauseContent.js';

const text = (value: string, heading: string | null = null): ClauseContent => ({
  heading: heading === null ? null : [{ text: heading }],
  paragraphs: [[{ text: value }]],
});
const fields = (patch: Partial<AmendmentActionFields> = {}): AmendmentActionFields => ({
  leadOrganisations: ['Ministry'],
  partners: [],
  startDate: '2027-01-01',
  endDate: null,
  indicator: 'Clinics open',
  status: 'planned',
  ...patch,
});

describe('rebaseAmendment', () => {
  const base = text('Parties shall report every year.');
  const replace = { kind: 'replace' as const, base, proposal: text('Parties shall report every two years.') };

  it('is pending on an unchanged clause, rebased on a changed one, obsolete on a deleted one', () => {
    expect(rebaseAmendment(replace, base).state).toBe('pending');
    const rebased = rebaseAmendment(replace, text('All Parties shall report every year.'));
    expect(rebased.state).toBe('rebased');
    expect(rebased.merge?.text).toBe('All Parties shall report every two years.');
    expect(rebaseAmendment(replace, null).state).toBe('obsolete');
  });

  it('conflicts when the heading appeared or went since tabling', () => {
    expect(rebaseAmendment(replace, text('Parties shall report every year.', 'Reports')).state).toBe(
      'conflict',
    );
  });

  it('merges action fields field by field', () => {
    const action = {
      kind: 'replace' as const,
      base: { ...text('Open clinics.'), fields: fields() },
      proposal: { ...text('Open clinics.'), fields: fields({ status: 'in_progress' }) },
    };
    // another field changed meanwhile: the proposal's field still applies
    const other = rebaseAmendment(action, {
      ...text('Open clinics.'),
      fields: fields({ indicator: 'Clinics run' }),
    });
    expect(other.state).toBe('rebased');
    expect(other.fields).toEqual({ status: 'in_progress' });
    // the same field changed differently: conflict
    expect(
      rebaseAmendment(action, { ...text('Open clinics.'), fields: fields({ status: 'blocked' }) }).state,
    ).toBe('conflict');
  });

  it('shows deletions and insertions as whole-text diffs', () => {
    expect(rebaseAmendment({ kind: 'delete', base, proposal: null }, base).diff).toEqual([
      { value: 'Parties shall report every year.', removed: true },
    ]);
    expect(rebaseAmendment({ kind: 'insert', base: null, proposal: text('New.') }, base).diff).toEqual([
      { value: 'New.', added: true },
    ]);
  });
});
