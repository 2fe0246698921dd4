/**
 * The files of a zip archive, read without unpacking it to disk: the archives WXT writes
 * (`@aklinker1/zero-zip`: stored or deflated entries, no zip64, no encryption). Anything else
 * is refused with the reason rather than read wrongly.
 * https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT (4.3.12 central directory, 4.3.16 end record)
 */
import { inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Path in the archive → its bytes, for every file (folders, ending in `/`, are left out). */
export function zipEntries(archive: Buffer): Map<string, Buffer> {
  // The end record is 22 bytes, followed by a comment of at most 65,535 bytes.
  let end = -1;
  for (let at = archive.length - 22; at >= Math.max(0, archive.length - 22 - 0xffff); at--) {
    if (archive.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Error(`broken central directory at byte ${at}`);
    const flags = archive.readUInt16LE(at + 8);
    const method = archive.readUInt16LE(at + 10);
    const packedSize = archive.readUInt32LE(at + 20);
    const size = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const localAt = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString(flags & 0x800 ? 'utf8' : 'latin1');
    at += 46 + nameLength + extraLength + commentLength;

    if (flags & 0x1) throw new Error(`${name}: encrypted entries are not read`);
    if (archive.readUInt32LE(localAt) !== LOCAL_HEADER) throw new Error(`${name}: broken local header`);
    const dataAt = localAt + 30 + archive.readUInt16LE(localAt + 26) + archive.readUInt16LE(localAt + 28);
    const packed = archive.subarray(dataAt, dataAt + packedSize);
    const content = method === 0 ? Buffer.from(packed) : method === 8 ? inflateRawSync(packed) : null;
    if (!content) throw new Error(`${name}: compression method ${method} is not read`);
    if (content.length !== size) throw new Error(`${name}: ${content.length} bytes unpacked, ${size} announced`);
    if (!name.endsWith('/')) files.set(name, content);
  }
  return files;
}
