/** DATA_DIR works wherever it points (issue 12): as root, PostgreSQL's own user must be able to enter it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPathForPostgresUser } from '../../platform/postgres';

const made: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizmsg-datadir-'));
  made.push(dir);
  return dir;
};
const mode = (dir: string) => fs.statSync(dir).mode & 0o777;

afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the directory PostgreSQL’s data lives in', () => {
  it('a DATA_DIR made by mktemp -d (mode 700) is opened to other users for search only', () => {
    const dataDir = tempDir();
    expect(mode(dataDir)).toBe(0o700);
    openPathForPostgresUser(path.join(dataDir, 'postgres'));
    expect(mode(dataDir)).toBe(0o701);
  });

  it('one that does not exist yet is made', () => {
    const dataDir = path.join(tempDir(), 'fresh');
    fs.chmodSync(path.dirname(dataDir), 0o755);
    openPathForPostgresUser(path.join(dataDir, 'postgres'));
    expect(fs.existsSync(dataDir)).toBe(true);
    expect(mode(dataDir) & 0o001).toBe(0o001);
  });

  it('a directory above it that shuts other users out stops the start with one line saying what to change', () => {
    const closed = tempDir();
    const dataDir = path.join(closed, 'bizmsg');
    let message = '';
    try {
      openPathForPostgresUser(path.join(dataDir, 'postgres'));
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain(`cannot enter ${closed}`);
    expect(message).toContain(`chmod o+x ${closed}`);
    expect(message.split('\n')).toHaveLength(1);
    expect(mode(closed)).toBe(0o700);
  });
});
