import mongoose, { type Types } from 'mongoose';
import type { Logger } from '../logger.js';
import { DocumentText } from '../models/DocumentText.js';

/** how many documents' text one search reads at most */
export const MAX_TEXT_CANDIDATES = 50;

/**
 * Finds which documents' search text contains a folded needle. Where the database has text search
 * (MongoDB) it asks a `$text` index on `document_texts.folded` (language "none": no stemming, the
 * text is in several languages and folded already) for the needle as a phrase. FerretDB 1.24, the
 * development database, has neither text indexes nor `$text` (measured: createIndex answers code
 * 27, `$text` code 2): there it scans the given documents' folded text with an escaped regular
 * expression — portable and bounded, since it only ever reads the user's own documents. What is
 * used is decided once, on first use.
 *
 * The two differ in one way: `$text` matches whole words ("accion" finds "Acción", "acci" does
 * not), the scan matches any part of a word. Snippets are computed afterwards the same way for both.
 */
export class TextSearchEngine {
  private mode: Promise<'text' | 'scan'> | null = null;

  constructor(private readonly logger: Logger) {}

  engine(): Promise<'text' | 'scan'> {
    this.mode ??= this.detect();
    return this.mode;
  }

  /** The ids among `ids` whose text contains `needle` (folded, non-empty), at most `limit`. */
  async candidates(ids: Types.ObjectId[], needle: string, limit = MAX_TEXT_CANDIDATES): Promise<string[]> {
    if (ids.length === 0) return [];
    const inIds = mongoose.trusted({ $in: ids });
    const filter =
      (await this.engine()) === 'text'
        ? { _id: inIds, $text: mongoose.trusted({ $search: `"${needle.replace(/"/g, ' ')}"` }) }
        : { _id: inIds, folded: mongoose.trusted({ $regex: escapeRegExp(needle) }) };
    const rows = await DocumentText.find(filter, { _id: 1 }).limit(limit).lean();
    return rows.map((row) => row._id.toHexString());
  }

  private async detect(): Promise<'text' | 'scan'> {
    try {
      await DocumentText.collection.createIndex(
        { folded: 'text' },
        { name: 'folded_text', default_language: 'none', language_override: 'searchLanguage' },
      );
      await DocumentText.find({ $text: mongoose.trusted({ $search: 'probe' }) }, { _id: 1 })
        .limit(1)
        .lean();
      this.logger.info('search: using the database text index');
      return 'text';
    } catch (error) {
      this.logger.info(
        { reason: (error as Error).message },
        'search: the database has no text search, scanning the folded text instead',
      );
      return 'scan';
    }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
