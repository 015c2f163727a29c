import { Types } from 'mongoose';
import { EXPORT_FORMATS } from '@accord/shared';
import type { DocumentRecord } from '../models/Document.js';
import type { VersionRecord } from '../models/Version.js';
import { Publication, type PublicationHashes, type PublicationRecord } from '../models/Publication.js';
import {
  PublicationKey,
  publicationNumberKey,
  publicationVersionKey,
  type PublicationKeyRecord,
} from '../models/PublicationKey.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { AlreadyPublished } from '../errors/AlreadyPublished.js';
import { Conflict } from '../errors/ApiError.js';
import { exportDocument } from '../exports/exportDocument.js';
import { currentWorkflow } from '../queries/currentWorkflow.js';
import { signoffState } from '../queries/signoffState.js';
import { signoffSnapshot } from '../signoff/signoffSnapshot.js';
import { nextPublicationNumber, publicationExportInput, sha256 } from '../queries/publications.js';
import type { CommandContext } from './CommandContext.js';
import { changeWorkflow } from './changeWorkflow.js';
import { recordAuditEvent } from './recordAuditEvent.js';
import { memberIds, notifyMembers } from './notifyMembers.js';

/** how often a publish takes the next number when concurrent publishes keep taking it */
const NUMBER_ATTEMPTS = 20;
/** how often the move to `published` is retried when a concurrent workflow change wins */
const WORKFLOW_ATTEMPTS = 5;
/**
 * A version claim whose publication does not exist after this long was left by a publish that
 * died half-way (a crash between the claim and the publication's insert); it may be taken over.
 * Publishing takes seconds.
 */
const STALE_CLAIM_MS = 10 * 60 * 1000;

/**
 * Publishes a frozen version as the document's next publication (1.0, 1.1, 2.0 …), then moves the
 * workflow to `published`. Without updates (FerretDB), by unique inserts in this order:
 * 1. the version's key: a version already published (or being published) → 409 already_published;
 * 2. the next number's key, retrying the following number when a concurrent publish took it;
 * 3. the exports of all formats, rendered once with the label "Publication n.m" (and the sign-off
 *    as it stands, which the publication keeps), and their hashes;
 * 4. the publication itself, immutable from then on.
 * If 3 or 4 fail, the version's key is removed again (so the version can be published later) and
 * the number stays used: numbers are never given twice, at the cost of a possible gap.
 */
export async function publishVersion(
  ctx: CommandContext,
  document: DocumentRecord,
  version: VersionRecord,
  release: 'major' | 'minor',
): Promise<PublicationRecord> {
  const documentId = document._id.toHexString();
  const publicationId = new Types.ObjectId();
  await claimVersion(documentId, version.number, publicationId);
  let publication: PublicationRecord;
  try {
    const { major, minor } = await claimNumber(documentId, release, publicationId);
    const publishedAt = new Date();
    // the sign-off as it stands now, kept with the publication: its exports list the endorsements
    const signoff = signoffSnapshot(await signoffState(documentId, version.number), publishedAt);
    const facts = {
      documentId: document._id,
      versionNumber: version.number,
      number: `${major}.${minor}`,
      canonicalHash: version.hash,
      documentKind: document.kind,
      documentCreatedAt: document.createdAt,
      publishedAt,
      ...(signoff ? { signoff } : {}),
    };
    const input = publicationExportInput(facts, version);
    const hashes = {} as PublicationHashes;
    for (const format of EXPORT_FORMATS) {
      hashes[format] = sha256((await exportDocument(format, input)).body);
    }
    publication = {
      _id: publicationId,
      ...facts,
      major,
      minor,
      hashes,
      publishedById: new Types.ObjectId(ctx.actor.id),
      publishedByName: ctx.actor.name,
    };
    await Publication.create(publication);
  } catch (error) {
    await PublicationKey.deleteOne({
      _id: publicationVersionKey(documentId, version.number),
      publicationId,
    }).catch((cleanup: unknown) =>
      ctx.logger.error({ err: cleanup, documentId, version: version.number }, 'version claim not released'),
    );
    throw error;
  }
  await moveToPublished(ctx, documentId, publicationId);
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'publication.published',
    documentId,
    data: {
      publicationId: publicationId.toHexString(),
      number: publication.number,
      version: version.number,
      hashes: publication.hashes,
    },
  });
  await notifyMembers(ctx, {
    kind: 'published',
    documentId,
    recipients: await memberIds(documentId),
    commentId: publicationId.toHexString(),
    revision: 0,
  });
  return publication;
}

function keyRecord(
  _id: string,
  kind: PublicationKeyRecord['kind'],
  documentId: string,
  publicationId: Types.ObjectId,
): PublicationKeyRecord {
  return { _id, kind, documentId: new Types.ObjectId(documentId), publicationId, at: new Date() };
}

async function claimVersion(documentId: string, versionNumber: number, publicationId: Types.ObjectId) {
  const key = publicationVersionKey(documentId, versionNumber);
  for (let attempt = 1; ; attempt++) {
    try {
      await PublicationKey.create(keyRecord(key, 'version', documentId, publicationId));
      return;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    if (attempt > 1) throw new AlreadyPublished();
    const claim = await PublicationKey.findById(key).lean();
    if (!claim) continue;
    const published = await Publication.exists({ _id: claim.publicationId });
    if (published || Date.now() - claim.at.getTime() < STALE_CLAIM_MS) throw new AlreadyPublished();
    // a claim left by a publish that died: remove exactly that claim (a concurrent taker's new
    // claim names another publication and stays), then try once more
    await PublicationKey.deleteOne({ _id: key, publicationId: claim.publicationId });
  }
}

async function claimNumber(
  documentId: string,
  release: 'major' | 'minor',
  publicationId: Types.ObjectId,
): Promise<{ major: number; minor: number }> {
  for (let attempt = 1; ; attempt++) {
    const next = await nextPublicationNumber(documentId, release);
    try {
      await PublicationKey.create(
        keyRecord(
          publicationNumberKey(documentId, next.major, next.minor),
          'number',
          documentId,
          publicationId,
        ),
      );
      return next;
    } catch (error) {
      if (isDuplicateKeyError(error) && attempt < NUMBER_ATTEMPTS) continue;
      if (isDuplicateKeyError(error)) throw new Conflict('Many publications at once; try again.');
      throw error;
    }
  }
}

/**
 * The publication is stored; the workflow follows. A concurrent workflow change is retried on the
 * new current state, never answered as a failure of the publish (that would invite a second
 * publish of the same version).
 */
async function moveToPublished(ctx: CommandContext, documentId: string, publicationId: Types.ObjectId) {
  for (let attempt = 1; ; attempt++) {
    try {
      await changeWorkflow(ctx, documentId, await currentWorkflow(documentId), {
        to: 'published',
        publicationId,
      });
      return;
    } catch (error) {
      if (error instanceof Conflict && attempt < WORKFLOW_ATTEMPTS) continue;
      ctx.logger.error(
        { err: error, documentId, publicationId: publicationId.toHexString() },
        'publication stored but the workflow was not moved to published',
      );
      return;
    }
  }
}
