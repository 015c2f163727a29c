import { describe, expect, it } from 'vitest';
import { recordPositionBody, setClauseStatusBody } from './negotiationSchemas.js';
import { openSignoffBody, signoffDecisionBody } from '../signoff/signoffSchemas.js';

const clauseId = 'Ab3dE5gH7jK9';
const org = (n: number) => n.toString(16).padStart(24, '0');

describe('negotiation and sign-off request bodies', () => {
  it('take the four statuses with an optional note of up to 1,000 characters, bidi controls removed', () => {
    for (const status of ['pending', 'agreed', 'agreed_ad_referendum', 'bracketed'])
      expect(setClauseStatusBody.safeParse({ clauseId, status }).success).toBe(true);
    expect(setClauseStatusBody.parse({ clauseId, status: 'agreed', note: ' a\u202Eb ' }).note).toBe('ab');
    expect(
      setClauseStatusBody.safeParse({ clauseId, status: 'agreed', note: 'x'.repeat(1001) }).success,
    ).toBe(false);
    expect(setClauseStatusBody.safeParse({ clauseId, status: 'done' }).success).toBe(false);
    expect(setClauseStatusBody.safeParse({ clauseId: 'a b', status: 'agreed' }).success).toBe(false);
  });

  it('require a note with a reservation or an objection, not with support', () => {
    expect(recordPositionBody.safeParse({ clauseId, stance: 'support' }).success).toBe(true);
    for (const stance of ['reservation', 'objection']) {
      expect(recordPositionBody.safeParse({ clauseId, stance }).success).toBe(false);
      expect(recordPositionBody.safeParse({ clauseId, stance, note: '  ' }).success).toBe(false);
      expect(recordPositionBody.safeParse({ clauseId, stance, note: 'why' }).success).toBe(true);
    }
  });

  it('open a round on one or more distinct organisations; a decline says why', () => {
    expect(openSignoffBody.safeParse({ organisationIds: [org(1), org(2)] }).success).toBe(true);
    expect(openSignoffBody.safeParse({ organisationIds: [] }).success).toBe(false);
    expect(openSignoffBody.safeParse({ organisationIds: [org(1), org(1)] }).success).toBe(false);
    expect(signoffDecisionBody.safeParse({ decision: 'endorse' }).success).toBe(true);
    expect(signoffDecisionBody.safeParse({ decision: 'decline' }).success).toBe(false);
    expect(signoffDecisionBody.safeParse({ decision: 'decline', note: 'Article 2' }).success).toBe(true);
  });
});
