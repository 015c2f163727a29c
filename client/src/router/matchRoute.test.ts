import { describe, expect, it } from 'vitest';
import { matchRoute } from './matchRoute';

describe('matchRoute', () => {
  it('maps paths to pages', () => {
    expect(matchRoute('/', '')).toEqual({ name: 'documents' });
    expect(matchRoute('/documents/', '')).toEqual({ name: 'documents' });
    expect(matchRoute('/documents/65f0c0ffee0000000000abcd', '')).toEqual({
      name: 'document',
      id: '65f0c0ffee0000000000abcd',
    });
    expect(matchRoute('/register', '')).toEqual({ name: 'register', next: null });
    expect(matchRoute('/join', '')).toEqual({ name: 'joinLink' });
    expect(matchRoute('/nowhere', '')).toEqual({ name: 'notFound' });
  });

  it('follows `next` only within the app', () => {
    expect(matchRoute('/sign-in', '?next=%2Fdocuments%2Fabc')).toEqual({
      name: 'signIn',
      next: '/documents/abc',
      expired: false,
    });
    for (const next of ['https://evil.example/', '//evil.example/x', 'javascript:alert(1)']) {
      expect(matchRoute('/sign-in', `?next=${encodeURIComponent(next)}`)).toMatchObject({ next: null });
    }
    expect(matchRoute('/sign-in', '?expired=1')).toMatchObject({ expired: true });
  });
});
