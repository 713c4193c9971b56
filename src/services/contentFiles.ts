import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A file received into the data dir's incoming folder, not yet attached to a content item. */
export interface ReceivedFile {
  tempPath: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

export class FileTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
  }
}

/**
 * Uploaded content on disk, under `<dataDir>/content/`. Files are named by the content item's
 * id, never by anything the user sent; a file arrives in `content/.incoming/` and is renamed
 * into place only once its row is about to be written. The stored path kept in the database
 * is relative to the data dir, so the folder can move with it.
 */
export class ContentFiles {
  constructor(readonly dataDir: string) {}

  private get incoming(): string {
    return join(this.dataDir, 'content', '.incoming');
  }

  /** Streams `source` to a temporary file while hashing it; refuses (and removes) more than `limit` bytes. */
  async receive(source: Readable, fileName: string, mimeType: string, limit: number): Promise<ReceivedFile> {
    await mkdir(this.incoming, { recursive: true });
    const tempPath = join(this.incoming, randomBytes(16).toString('hex'));
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > limit) return done(new FileTooLargeError(limit));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(tempPath, { flags: 'wx' }));
      // @fastify/multipart marks a part cut at its fileSize limit as truncated instead of failing.
      if ((source as Readable & { truncated?: boolean }).truncated) throw new FileTooLargeError(limit);
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
    return { tempPath, fileName, mimeType, sizeBytes: size, sha256: hash.digest('hex') };
  }

  /** Moves a received file into place as `content/<id>`; returns the path relative to the data dir. */
  async commit(file: ReceivedFile, id: string): Promise<string> {
    const relative = join('content', id);
    await rename(file.tempPath, join(this.dataDir, relative));
    return relative;
  }

  async discard(path: string, relative = false): Promise<void> {
    await rm(relative ? join(this.dataDir, path) : path, { force: true });
  }

  async open(relative: string): Promise<{ stream: ReadStream; size: number } | null> {
    const absolute = join(this.dataDir, relative);
    try {
      const info = await stat(absolute);
      return { stream: createReadStream(absolute), size: info.size };
    } catch {
      return null;
    }
  }
}
