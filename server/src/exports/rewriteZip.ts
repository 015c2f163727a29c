import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

// MS-DOS date and time of the entries (local time without zone: we write UTC components).
function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/**
 * Reads a ZIP archive (no ZIP64, no encryption: what docx writes), passes each entry through
 * `transform`, and writes it again with every entry dated `date` and deflated by Node's zlib.
 * Archivers stamp entries with the current time, so two archives of the same content differ;
 * after this they are byte-identical, which the hash of a publication's exports relies on.
 */
export function rewriteZip(
  zip: Uint8Array,
  date: Date,
  transform: (name: string, data: Buffer) => Buffer,
): Buffer {
  const input = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = input.length - 22;
  while (end >= 0 && input.readUInt32LE(end) !== END) end--;
  if (end < 0) throw new Error('not a ZIP archive');
  const count = input.readUInt16LE(end + 10);
  let at = input.readUInt32LE(end + 16);

  const { time, day } = dosDateTime(date);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    if (input.readUInt32LE(at) !== CENTRAL) throw new Error('broken ZIP central directory');
    const method = input.readUInt16LE(at + 10);
    const size = input.readUInt32LE(at + 20);
    const nameLength = input.readUInt16LE(at + 28);
    const skip = nameLength + input.readUInt16LE(at + 30) + input.readUInt16LE(at + 32);
    const localAt = input.readUInt32LE(at + 42);
    const name = input.subarray(at + 46, at + 46 + nameLength);
    at += 46 + skip;

    if (input.readUInt32LE(localAt) !== LOCAL) throw new Error('broken ZIP entry');
    const start = localAt + 30 + input.readUInt16LE(localAt + 26) + input.readUInt16LE(localAt + 28);
    const stored = input.subarray(start, start + size);
    const data = transform(
      name.toString('utf8'),
      method === 8 ? inflateRawSync(stored) : Buffer.from(stored),
    );
    const packed = deflateRawSync(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed: deflate
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    local.copy(central, 6, 4, 30); // same fields as the local header, from "version needed" on
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const tail = Buffer.alloc(22);
  tail.writeUInt32LE(END, 0);
  tail.writeUInt16LE(count, 8);
  tail.writeUInt16LE(count, 10);
  tail.writeUInt32LE(directory.length, 12);
  tail.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, tail]);
}
