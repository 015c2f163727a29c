import { describe, expect, it } from 'vitest';
import { collaboratorsOf, sameCollaborators } from './collaboratorsOf';

describe('collaboratorsOf', () => {
  it('lists a person once however many tabs they have, ourselves first', () => {
    const states = new Map<number, unknown>([
      [1, { user: { id: 'u2', name: 'Zoe', color: '#111' } }],
      [2, { user: { id: 'u1', name: 'Ana', color: '#222' } }],
      [3, { user: { id: 'u2', name: 'Zoe', color: '#111' } }],
      [4, { user: { id: 'u3', name: 'Bea', color: '#333' } }],
      [5, {}],
    ]);
    const list = collaboratorsOf(states, 3);
    expect(list.map((c) => [c.name, c.self])).toEqual([
      ['Zoe', true],
      ['Ana', false],
      ['Bea', false],
    ]);
    expect(list[0]!.clientId).toBe(3);
  });

  it('compares lists by what they show', () => {
    const a = [{ clientId: 1, name: 'Ana', color: '#222', self: false }];
    expect(sameCollaborators(a, [{ ...a[0]!, clientId: 9 }])).toBe(true);
    expect(sameCollaborators(a, [{ ...a[0]!, color: '#000' }])).toBe(false);
  });
});
