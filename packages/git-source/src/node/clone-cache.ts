import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { join } from 'node:path';

/**
 * A directory of checkouts keyed by clone URL, ref and an optional variant (such as "with
 * submodules"). An entry appears atomically (checked out
 * under a temporary name, then renamed), so a present entry is complete; concurrent requests
 * for one key in this process share a single fetch.
 */
export class CloneCache {
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(readonly dir: string) {}

  /** The directory of the entry for `url` at `ref` (in `variant`, when given). */
  entryDir(url: string, ref: string, variant = ''): string {
    const id = variant === '' ? `${url}\u0000${ref}` : `${url}\u0000${ref}\u0000${variant}`;
    const key = createHash('sha256').update(id).digest('hex').slice(0, 40);
    return join(this.dir, key);
  }

  /**
   * The checkout of `url` at `ref` (in `variant`): the cached one, or a new one made by
   * `checkout` (called with an empty directory to fill).
   */
  async get(
    url: string,
    ref: string,
    checkout: (dir: string) => Promise<void>,
    variant = '',
  ): Promise<string> {
    const final = this.entryDir(url, ref, variant);
    if (fs.existsSync(final)) return final;
    const pending = this.inFlight.get(final);
    if (pending) return pending;
    const made = this.make(final, checkout).finally(() => this.inFlight.delete(final));
    this.inFlight.set(final, made);
    return made;
  }

  private async make(final: string, checkout: (dir: string) => Promise<void>): Promise<string> {
    const tmp = `${final}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    fs.mkdirSync(tmp, { recursive: true });
    try {
      await checkout(tmp);
      fs.rmSync(join(tmp, '.git'), { recursive: true, force: true });
      try {
        fs.renameSync(tmp, final);
      } catch (e) {
        // Another process published the same entry first: use theirs.
        if (!fs.existsSync(final)) throw e;
      }
      return final;
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
}
