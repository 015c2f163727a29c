import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { presentDocument } from './presentDocument.js';
import { presentMember } from './presentMember.js';
import { presentUser } from './presentUser.js';
import type { DocumentRecord } from '../models/Document.js';
import type { OrganisationRecord } from '../models/Organisation.js';

const organisation: OrganisationRecord = {
  _id: new Types.ObjectId('6b0000000000000000000001'),
  name: 'Instituto de Defensa Legal',
  nameKey: 'instituto de defensa legal',
  kind: 'civil_society',
  country: 'PE',
  createdAt: new Date('2026-01-01T00:00:00Z'),
};

const document: DocumentRecord = {
  _id: new Types.ObjectId('6b0000000000000000000002'),
  title: 'Plan de acción',
  kind: 'action_plan',
  language: 'es',
  state: 'drafting',
  public: false,
  schemaVersion: 1,
  createdBy: new Types.ObjectId('6b0000000000000000000003'),
  createdAt: new Date('2026-02-01T10:00:00Z'),
  updatedAt: new Date('2026-02-02T10:00:00Z'),
};

describe('presentUser', () => {
  it('shows the account and its organisation, and nothing else', () => {
    const user = { id: 'u1', email: 'a@b.c', name: 'Ana', locale: 'es', passwordHash: 'scrypt$…' };
    expect(presentUser(user, organisation)).toEqual({
      id: 'u1',
      email: 'a@b.c',
      name: 'Ana',
      locale: 'es',
      organisation: {
        id: '6b0000000000000000000001',
        name: 'Instituto de Defensa Legal',
        kind: 'civil_society',
        country: 'PE',
      },
    });
    expect(presentUser(user, null).organisation).toBeNull();
  });
});

describe('presentDocument', () => {
  it('shows the document with the requesting user’s role and abilities', () => {
    expect(presentDocument(document, 'reviewer')).toEqual({
      id: '6b0000000000000000000002',
      title: 'Plan de acción',
      kind: 'action_plan',
      language: 'es',
      state: 'drafting',
      textLocked: false,
      public: false,
      archived: false,
      schemaVersion: 1,
      createdAt: '2026-02-01T10:00:00.000Z',
      updatedAt: '2026-02-02T10:00:00.000Z',
      role: 'reviewer',
      abilities: { read: true, comment: true, edit: false, manage: false },
    });
    expect(presentDocument(document, 'coordinator').abilities.manage).toBe(true);
    expect(presentDocument(document, 'observer').abilities).toEqual({
      read: true,
      comment: false,
      edit: false,
      manage: false,
    });
  });

  it('returns abilities the caller may change without affecting other answers', () => {
    const first = presentDocument(document, 'drafter');
    first.abilities.manage = true;
    expect(presentDocument(document, 'drafter').abilities.manage).toBe(false);
  });
});

describe('presentMember', () => {
  const user = { _id: new Types.ObjectId('6b0000000000000000000004'), email: 'd@e.f', name: 'Dina' };

  it('lets coordinators manage members', () => {
    expect(
      presentMember({ role: 'drafter' }, user, organisation, { role: 'coordinator', coordinatorCount: 1 }),
    ).toEqual({
      userId: '6b0000000000000000000004',
      email: 'd@e.f',
      name: 'Dina',
      organisation: {
        id: '6b0000000000000000000001',
        name: 'Instituto de Defensa Legal',
        kind: 'civil_society',
        country: 'PE',
      },
      role: 'drafter',
      canManage: true,
    });
  });

  it.each(['observer', 'reviewer', 'drafter'] as const)('does not let a %s manage anyone', (role) => {
    expect(presentMember({ role: 'observer' }, user, null, { role, coordinatorCount: 2 }).canManage).toBe(
      false,
    );
  });

  it('marks the last coordinator as not manageable, but not one of several', () => {
    expect(
      presentMember({ role: 'coordinator' }, user, null, { role: 'coordinator', coordinatorCount: 1 })
        .canManage,
    ).toBe(false);
    expect(
      presentMember({ role: 'coordinator' }, user, null, { role: 'coordinator', coordinatorCount: 2 })
        .canManage,
    ).toBe(true);
  });
});
