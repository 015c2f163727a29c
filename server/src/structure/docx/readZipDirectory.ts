import { ImportInvalidFile } from '../../errors/ImportInvalidFile.js';
import { ImportArchiveTooLarge } from '../../errors/ImportArchiveTooLarge.js';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate */
  method: number;
  compressedSize: number;
  /** as declared by the archive (checked against the real size when an entry is unpacked) */
  uncompressedSize: number;
  /** offset of the entry's local header */
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_SIZE = 46;
const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;
const ZIP64_MARKER = 0xffffffff;

/**
 * Reads a zip archive's central directory — names and declared sizes — without decompressing
 * anything, so the importer can refuse a zip bomb before it expands. Throws ImportInvalidFile for
 * what is not a zip archive (or is one this reader does not handle: ZIP64, multi-disk).
 */
export function readZipDirectory(zip: Buffer, maxEntries: number): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(zip);
  if (eocd < 0) throw new ImportInvalidFile(notZipMessage(zip));
  const disk = zip.readUInt16LE(eocd + 4);
  const entryCount = zip.readUInt16LE(eocd + 10);
  const directorySize = zip.readUInt32LE(eocd + 12);
  const directoryOffset = zip.readUInt32LE(eocd + 16);
  if (disk !== 0) throw new ImportInvalidFile('Multi-part zip archives are not supported.');
  if (entryCount === 0xffff || directoryOffset === ZIP64_MARKER || directorySize === ZIP64_MARKER) {
    throw new ImportArchiveTooLarge('The file is a ZIP64 archive, far larger than a document can be.');
  }
  if (entryCount > maxEntries) {
    throw new ImportArchiveTooLarge(
      `The file holds ${entryCount} parts; at most ${maxEntries} are accepted.`,
    );
  }
  if (directoryOffset + directorySize > eocd)
    throw new ImportInvalidFile('The file is a damaged zip archive.');

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + CENTRAL_SIZE > eocd || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new ImportInvalidFile('The file is a damaged zip archive.');
    }
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const uncompressedSize = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeaderOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength);
    if (
      compressedSize === ZIP64_MARKER ||
      uncompressedSize === ZIP64_MARKER ||
      localHeaderOffset === ZIP64_MARKER
    ) {
      throw new ImportArchiveTooLarge('The file is a ZIP64 archive, far larger than a document can be.');
    }
    if (flags & 0x1) throw new ImportInvalidFile('The file is encrypted; save it without a password.');
    if (localHeaderOffset + LOCAL_SIZE > directoryOffset) {
      throw new ImportInvalidFile('The file is a damaged zip archive.');
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at += CENTRAL_SIZE + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry (after its local header). */
export function entryData(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (zip.readUInt32LE(at) !== LOCAL_SIGNATURE)
    throw new ImportInvalidFile('The file is a damaged zip archive.');
  const start = at + LOCAL_SIZE + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw new ImportInvalidFile('The file is a damaged zip archive.');
  return zip.subarray(start, end);
}

function findEndOfCentralDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = zip.length - EOCD_SIZE; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

function notZipMessage(file: Buffer): string {
  // an OLE2 compound file: a Word 97–2003 .doc, or a password-protected .docx
  if (file.length >= 4 && file.readUInt32BE(0) === 0xd0cf11e0) {
    return 'This is an old .doc file or a password-protected document; save it as .docx without a password.';
  }
  return 'The file is not a .docx document (not a zip archive).';
}
