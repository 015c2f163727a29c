import { Types } from 'mongoose';
import {
  buildNodes as b,
  renderCanonical,
  type CanonicalDocument,
  type CommentDisposition,
  type DocumentLanguage,
} from '@accord/shared';
import type { CommentAuthorSnapshot, CommentRecord } from '../../models/Comment.js';
import type { CommentEventRecord } from '../../models/CommentEvent.js';
import { buildThreads, type ThreadData } from '../../comments/ThreadData.js';
import type { DispositionReport } from './DispositionReport.js';

// Test helpers for the disposition report (used by the *.test.ts files here, not by the server).

type DocJson = CanonicalDocument['tree'];

export const DOCUMENT_ID = new Types.ObjectId('66f0c3a1b2c3d4e5f6a7b8c9');

/** Version 2 as frozen: three articles with a numbered paragraph each. */
export function frozenAgreement(): DocJson {
  return b.doc('Acuerdo Regional', [
    b.article('Acceso', [b.numberedParagraph('Los Estados garantizarán el acceso.')]),
    b.article('Asistencia', [b.numberedParagraph('La asistencia jurídica será gratuita.')]),
    b.article('Paralegales', [
      b.numberedParagraph('Se reconocerá a los paralegales.', [b.point('formación')]),
    ]),
  ]);
}

/** The live text since: a new first article (the others renumbered), the third article removed. */
export function liveAgreement(frozen: DocJson): DocJson {
  const copy = structuredClone(frozen);
  const [title, first, second] = copy.content!;
  copy.content = [title!, b.article('Definiciones', [b.numberedParagraph('Nuevo.')]), first!, second!];
  return copy;
}

export function render(json: DocJson, language: DocumentLanguage = 'es'): CanonicalDocument {
  return renderCanonical(json, language);
}

export const author = (name: string, organisation: string, country: string): CommentAuthorSnapshot => ({
  name,
  organisation: { id: new Types.ObjectId(), name: organisation, kind: 'civil_society', country },
});

let clock = Date.parse('2025-04-01T10:00:00Z');
const tick = () => new Date((clock += 60_000));

/** Builds the comments and events of a document and folds them into threads. */
export class ThreadsBuilder {
  readonly comments: CommentRecord[] = [];
  readonly events: CommentEventRecord[] = [];
  private readonly seqs = new Map<string, number>();

  thread(
    clauseId: string,
    by: CommentAuthorSnapshot,
    body: string,
    options: { quote?: string; visibility?: 'all' | 'team' } = {},
  ): Types.ObjectId {
    const id = new Types.ObjectId();
    this.comments.push({
      _id: id,
      documentId: DOCUMENT_ID,
      threadId: id,
      parentId: null,
      authorId: new Types.ObjectId(),
      author: by,
      anchor: {
        kind: options.quote ? 'range' : 'clause',
        clauseId,
        start: null,
        end: null,
        quote: options.quote ?? null,
        clause: { kind: null, number: null, label: null, path: null, parentId: null, index: 0 },
        versionNumber: null,
      },
      visibility: options.visibility ?? 'all',
      createdAt: tick(),
    });
    this.event(id, id, { type: 'revision', revision: 1, body });
    return id;
  }

  reply(threadId: Types.ObjectId, by: CommentAuthorSnapshot, body: string): Types.ObjectId {
    const id = new Types.ObjectId();
    this.comments.push({
      _id: id,
      documentId: DOCUMENT_ID,
      threadId,
      parentId: threadId,
      authorId: new Types.ObjectId(),
      author: by,
      anchor: null,
      visibility: 'all',
      createdAt: tick(),
    });
    this.event(id, threadId, { type: 'revision', revision: 1, body });
    return id;
  }

  dispose(threadId: Types.ObjectId, value: CommentDisposition, reason: string | null, by = 'Coral'): void {
    this.event(threadId, threadId, { type: 'disposition', disposition: value, reason }, by);
  }

  resolve(threadId: Types.ObjectId): void {
    this.event(threadId, threadId, { type: 'resolve' });
  }

  delete(commentId: Types.ObjectId, threadId: Types.ObjectId): void {
    this.event(commentId, threadId, { type: 'delete' });
  }

  build(): ThreadData[] {
    return buildThreads(this.comments, this.events);
  }

  private event(
    commentId: Types.ObjectId,
    threadId: Types.ObjectId,
    change: Partial<CommentEventRecord> & Pick<CommentEventRecord, 'type'>,
    actorName = 'Coral',
  ): void {
    const key = commentId.toHexString();
    const seq = (this.seqs.get(key) ?? 0) + 1;
    this.seqs.set(key, seq);
    this.events.push({
      _id: new Types.ObjectId(),
      commentId,
      threadId,
      documentId: DOCUMENT_ID,
      seq,
      revision: null,
      body: null,
      visibility: null,
      actorId: new Types.ObjectId(),
      actorName,
      at: tick(),
      ...change,
    });
  }
}

/** A report with text that needs quoting and escaping in every format, in `language`. */
export function sampleReport(language: DocumentLanguage = 'es'): DispositionReport {
  const at = new Date('2025-04-02T09:00:00Z');
  const comment = (
    name: string,
    organisation: string | null,
    country: string | null,
    text: string | null,
  ) => ({
    author: name,
    organisation,
    countryCode: country === null ? null : 'CO',
    country,
    at,
    text,
  });
  return {
    title: 'Acuerdo <Regional> & "Justicia"',
    language,
    documentId: DOCUMENT_ID.toHexString(),
    version: { label: 'Versión 2', number: 2, date: new Date('2025-03-05T14:30:00Z'), hash: 'ab'.repeat(32) },
    rows: [
      {
        threadId: '66f0c3a1b2c3d4e5f6a7b801',
        clauseThen: 'Artículo 2, 1.',
        clauseNow: 'Artículo 3, 1.',
        quote: 'la <asistencia> "gratuita", & más',
        comment: comment(
          'María José Núñez',
          'Fundación Acción, Justicia',
          'Colombia',
          'Primera línea\nsegunda "línea", con coma',
        ),
        status: 'open',
        teamOnly: false,
        replies: [
          comment('João Gonçalves', 'Associação Cidadã', 'Brasil', 'De acordo.'),
          comment('Zoë Lefèvre', null, null, null),
        ],
        disposition: {
          value: 'not_accepted',
          reason: 'Fuera del mandato; véase el art. 5.',
          by: 'Coral',
          at,
        },
      },
      {
        threadId: '66f0c3a1b2c3d4e5f6a7b802',
        clauseThen: null,
        clauseNow: 'Artículo 1',
        quote: null,
        comment: comment('Ñandú Pérez', null, null, '=HYPERLINK("http://evil")'),
        status: 'resolved',
        teamOnly: true,
        replies: [],
        disposition: null,
      },
    ],
  };
}
