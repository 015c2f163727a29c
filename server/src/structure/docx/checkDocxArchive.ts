import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { ImportArchiveTooLarge } from '../../errors/ImportArchiveTooLarge.js';
import { ImportInvalidFile } from '../../errors/ImportInvalidFile.js';
import { entryData, readZipDirectory, type ZipEntry } from './readZipDirectory.js';

const inflate = promisify(inflateRaw);

export interface DocxLimits {
  maxEntries: number;
  /** sum of the declared uncompressed sizes */
  maxTotalBytes: number;
  /** uncompressed size of one entry */
  maxEntryBytes: number;
  /** uncompressed / compressed, for entries above `ratioFloorBytes` */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DOCX_LIMITS: DocxLimits = {
  maxEntries: 2_000,
  maxTotalBytes: 64 * 1024 * 1024,
  maxEntryBytes: 32 * 1024 * 1024,
  // Word's XML deflates ~5–20×; hundreds to one is a bomb (or an empty page repeated)
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

/**
 * Refuses a .docx that is not one, or that would unpack beyond the limits, BEFORE mammoth
 * decompresses anything: the central directory's declared sizes are checked first (entry count,
 * total, per entry, compression ratio); then every part mammoth reads (XML and relationships; never
 * the media, which the importer skips) is inflated with a hard output cap equal to its declared
 * size, so an archive whose headers lie is refused too, with bounded memory.
 */
export async function checkDocxArchive(file: Buffer, limits: DocxLimits = DOCX_LIMITS): Promise<void> {
  const entries = readZipDirectory(file, limits.maxEntries);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new ImportInvalidFile('The file is a zip archive but not a Word document (no word/document.xml).');
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) {
      throw new ImportArchiveTooLarge(
        `The document would unpack to more than ${mib(limits.maxTotalBytes)} MiB; it is refused as a possible zip bomb.`,
      );
    }
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      throw new ImportArchiveTooLarge(
        `The part ${entry.name} would unpack to more than ${mib(limits.maxEntryBytes)} MiB.`,
      );
    }
    if (
      entry.uncompressedSize > limits.ratioFloorBytes &&
      entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)
    ) {
      throw new ImportArchiveTooLarge(
        `The part ${entry.name} is compressed more than ${limits.maxRatio}:1; it is refused as a possible zip bomb.`,
      );
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw new ImportInvalidFile(`The part ${entry.name} uses an unsupported compression method.`);
    }
  }
  for (const entry of entries.filter(isReadByMammoth)) await checkRealSize(file, entry);
}

async function checkRealSize(file: Buffer, entry: ZipEntry): Promise<void> {
  const data = entryData(file, entry);
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize)
      throw new ImportInvalidFile('The file is a damaged zip archive.');
    return;
  }
  try {
    // one byte of headroom: output beyond the declared size means the header lied
    const out = await inflate(data, { maxOutputLength: Math.max(1, entry.uncompressedSize + 1) });
    if (out.length !== entry.uncompressedSize)
      throw new ImportInvalidFile('The file is a damaged zip archive.');
  } catch (error) {
    if (error instanceof ImportInvalidFile) throw error;
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ImportArchiveTooLarge(
        `The part ${entry.name} unpacks to more than its header says; it is refused as a possible zip bomb.`,
      );
    }
    throw new ImportInvalidFile('The file is a damaged zip archive.');
  }
}

function isReadByMammoth(entry: ZipEntry): boolean {
  return /\.(xml|rels)$/i.test(entry.name);
}

const mib = (bytes: number) => Math.round(bytes / (1024 * 1024));
