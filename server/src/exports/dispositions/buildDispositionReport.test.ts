import { describe, expect, it } from 'vitest';
import type { ResolvedAnchor } from '@accord/shared';
import { buildDispositionReport } from './buildDispositionReport.js';
import {
  DOCUMENT_ID,
  ThreadsBuilder,
  author,
  frozenAgreement,
  liveAgreement,
  render,
} from './dispositionReportFixture.js';

const version = {
  label: 'Versión 2',
  number: 2,
  date: new Date('2025-03-05T14:30:00Z'),
  hash: 'ab'.repeat(32),
};
const maria = author('María José Núñez', 'Fundación Acción & Justicia', 'CO');
const joao = author('João Gonçalves', 'Associação Cidadã', 'BR');
const zoe = author('Zoë Lefèvre', 'Université Populaire', 'FR');

function fixture() {
  const frozenJson = frozenAgreement();
  const versionText = render(frozenJson);
  const liveText = render(liveAgreement(frozenJson));
  const [access, , , aid, paralegals, , point] = versionText.clauses;
  const added = liveText.clauses[0]!;
  return { versionText, liveText, access: access!, aid: aid!, paralegals: paralegals!, point: point!, added };
}

describe('buildDispositionReport', () => {
  it('gives each thread its clause in the version and now, in the order of the version', () => {
    const { versionText, liveText, access, aid, point, added } = fixture();
    const t = new ThreadsBuilder();
    const onPoint = t.thread(point.clauseId!, zoe, 'Précisez la formation.');
    const onNew = t.thread(added.clauseId!, maria, 'Bien.');
    const onAid = t.thread(aid.clauseId!, joao, 'Gratuita para quem?', { quote: 'gratuita' });
    const onAccess = t.thread(access.clauseId!, maria, 'Acceso efectivo.');
    const report = buildDispositionReport({
      documentId: DOCUMENT_ID.toHexString(),
      language: 'es',
      version,
      versionText,
      liveText,
      threads: t.build().map((thread) => ({ thread, anchor: undefined })),
    });

    expect(report.title).toBe('Acuerdo Regional');
    expect(report.rows.map((r) => r.threadId)).toEqual(
      [onAccess, onAid, onPoint, onNew].map((id) => id.toHexString()),
    );
    expect(report.rows.map((r) => [r.clauseThen, r.clauseNow])).toEqual([
      ['Artículo 1', 'Artículo 2'],
      ['Artículo 2, 1.', 'Artículo 3, 1.'],
      // article 3 was removed since the version
      ['Artículo 3, 1. a)', null],
      // added since the version
      [null, 'Artículo 1'],
    ]);
    expect(report.rows[1]).toMatchObject({
      quote: 'gratuita',
      comment: {
        author: 'João Gonçalves',
        organisation: 'Associação Cidadã',
        countryCode: 'BR',
        country: 'Brasil',
        text: 'Gratuita para quem?',
      },
      status: 'open',
      teamOnly: false,
      disposition: null,
    });
  });

  it('shows the latest disposition, replies in order, and no text of deleted comments', () => {
    const { versionText, liveText, aid } = fixture();
    const t = new ThreadsBuilder();
    const thread = t.thread(aid.clauseId!, joao, 'Gratuita para quem?', { visibility: 'team' });
    t.reply(thread, maria, 'Para todos.');
    const deleted = t.reply(thread, zoe, 'Supprimé.');
    t.delete(deleted, thread);
    t.dispose(thread, 'accepted', null);
    t.dispose(thread, 'partially_accepted', 'Solo para quien lo necesite.', 'Coral Coordinadora');
    t.resolve(thread);
    const report = buildDispositionReport({
      documentId: DOCUMENT_ID.toHexString(),
      language: 'fr',
      version,
      versionText,
      liveText,
      threads: t.build().map((thread) => ({ thread, anchor: undefined })),
    });
    const [row] = report.rows;
    expect(row).toMatchObject({
      status: 'resolved',
      teamOnly: true,
      disposition: {
        value: 'partially_accepted',
        reason: 'Solo para quien lo necesite.',
        by: 'Coral Coordinadora',
      },
    });
    expect(row!.replies.map((r) => [r.author, r.text, r.country])).toEqual([
      ['María José Núñez', 'Para todos.', 'Colombie'],
      ['Zoë Lefèvre', null, 'France'],
    ]);
  });

  it('follows a range into the clause it belongs to now; an orphaned thread has no clause now', () => {
    const { versionText, liveText, access, aid } = fixture();
    const t = new ThreadsBuilder();
    const moved = t.thread(access.clauseId!, maria, 'Movido.');
    const orphan = t.thread(aid.clauseId!, joao, 'Huérfano.');
    const [first, second] = t.build();
    const anchor = (currentClauseId: string | null) => ({ currentClauseId }) as ResolvedAnchor;
    const report = buildDispositionReport({
      documentId: DOCUMENT_ID.toHexString(),
      language: 'es',
      version,
      versionText,
      liveText,
      threads: [
        { thread: first!, anchor: anchor(aid.clauseId) },
        { thread: second!, anchor: anchor(null) },
      ],
    });
    expect(report.rows.map((r) => [r.threadId, r.clauseThen, r.clauseNow])).toEqual([
      [moved.toHexString(), 'Artículo 1', 'Artículo 3, 1.'],
      [orphan.toHexString(), 'Artículo 2, 1.', null],
    ]);
  });
});
