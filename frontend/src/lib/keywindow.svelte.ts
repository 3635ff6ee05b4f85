// The API Keys list as the page holds it: only the rows it has asked Go for, in blocks,
// at their positions in the whole list. Go searches, filters and orders every key
// (Keys.KeyPage), so ten thousand keys cost the page what a hundred do, and a keystroke
// sends the search and draws the first block of what matches.
import type { Environment, KeyFilter, KeyOrder, KeyPage, KeyQuery, KeyView } from './types';

/**
 * How many rows one call asks for: the rows in view and a few either side. A keystroke's
 * answer is one block, and its time grows with the rows it carries.
 */
export const blockSize = 20;

// The first block of the list the app opens on, asked for beside the frame's state
// (askEarly): both come back together and the first screen is drawn once, list included,
// instead of the frame first and the list a round trip and a second drawing later.
let early: { question: string; at: number; answer: Promise<KeyPage> } | null = null;
const earlyLife = 5000; // ms: an answer older than this may be out of date

/**
 * Asks Go now for the first block of the list of environment in order, for the first
 * show() of it. Returns when the answer has come, whatever it is.
 */
export function askEarly(ask: (q: KeyQuery) => Promise<KeyPage>, environment: Environment, order: KeyOrder): Promise<void> {
  const q: KeyQuery = { environment, search: '', filter: 'all', order, offset: 0, limit: blockSize };
  const answer = ask(q);
  early = { question: JSON.stringify(q), at: Date.now(), answer };
  return answer.then(
    () => {},
    () => {}, // show() asks again, and says why if it fails again
  );
}

/** The early answer to q, once, if it is still fresh. */
function takeEarly(q: KeyQuery): Promise<KeyPage> | null {
  const e = early;
  early = null;
  return e && e.question === JSON.stringify(q) && Date.now() - e.at < earlyLife ? e.answer : null;
}

export class KeyWindow {
  /** The list at its positions; undefined where the block is not here yet. */
  rows = $state.raw<(KeyView | undefined)[]>([]);
  /** Live keys of the environment, those older than the rotation policy, and those saved with a payer Proof withdrew. */
  total = $state(0);
  overdue = $state(0);
  withdrawn = $state.raw<string[]>([]);
  withdrawnCount = $state(0);
  /** Some answer for the current question has come. */
  loaded = $state(false);
  /** Changes when the list is a new one (another search, filter, order or environment): the table goes back to its top. */
  listId = $state(0);

  #ask: (q: KeyQuery) => Promise<KeyPage>;
  #question: Omit<KeyQuery, 'offset' | 'limit'> | null = null;
  // Answers to an earlier question are dropped: a search typed since has its own.
  #generation = 0;
  // Some block of the current question has come: the next ones fill in its gaps.
  #answered = false;
  #asked = new Set<number>();
  #view = { start: 0, end: 0 };
  // On a refresh, the blocks in view whose old rows stay shown until their new answer comes.
  #keep: number[] = [];

  constructor(ask: (q: KeyQuery) => Promise<KeyPage>) {
    this.#ask = ask;
  }

  /**
   * Asks for a new list, from its top. The rows shown stay until the answer comes, so a
   * keystroke never flashes an empty table. It resolves when the first block is here, and
   * throws what Go said if it could not be read.
   */
  async show(environment: Environment, search: string, filter: KeyFilter, order: KeyOrder): Promise<void> {
    this.#question = { environment, search, filter, order };
    this.listId++;
    this.#restart();
    await this.#fetch(0);
  }

  /**
   * Asks again for the rows in view, keeping the place in the list: the data changed (a
   * copy, a save, a delete, or another computer's change).
   */
  async refresh(): Promise<void> {
    if (!this.#question) return;
    this.#restart();
    this.#keep = this.#blocksIn(this.#view);
    await Promise.all(this.#keep.map((b) => this.#fetch(b)));
  }

  /**
   * The table scrolled: asks for the blocks now in view that are not here yet. A block
   * that cannot be read is passed to failed, and asked for again on the next scroll.
   */
  inView(start: number, end: number, failed: (err: unknown) => void = () => {}): void {
    this.#view = { start, end };
    for (const b of this.#blocksIn(this.#view)) {
      if (this.#asked.has(b)) continue;
      this.#fetch(b).catch((err) => {
        this.#asked.delete(b);
        failed(err);
      });
    }
  }

  /** Forgets the list: another environment's keys are never shown under this one's name. */
  clear(): void {
    this.#restart();
    this.rows = [];
    this.total = 0;
    this.loaded = false;
  }

  #restart() {
    this.#generation++;
    this.#answered = false;
    this.#asked = new Set();
    this.#keep = [];
  }

  #blocksIn({ start, end }: { start: number; end: number }): number[] {
    const first = Math.floor(start / blockSize);
    const last = Math.max(first, Math.floor(Math.max(end - 1, 0) / blockSize));
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }

  async #fetch(block: number): Promise<void> {
    const question = this.#question;
    if (!question) return;
    const generation = this.#generation;
    this.#asked.add(block);
    const q = { ...question, offset: block * blockSize, limit: blockSize };
    const page = await (takeEarly(q)?.catch(() => this.#ask(q)) ?? this.#ask(q));
    if (generation !== this.#generation) return;
    // The first answer of a question replaces what was shown (but the rows in view on a
    // refresh, until their own answer comes); later ones fill in its gaps.
    const fresh = !this.#answered;
    this.#answered = true;
    this.total = page.total;
    this.overdue = page.overdue;
    this.withdrawn = page.withdrawnPayer ?? [];
    this.withdrawnCount = page.withdrawnCount;
    this.loaded = true;
    const rows: (KeyView | undefined)[] = fresh ? new Array(page.matched) : this.rows.slice(0, page.matched);
    rows.length = page.matched;
    if (fresh) {
      for (const b of this.#keep) {
        for (let i = b * blockSize; i < Math.min((b + 1) * blockSize, page.matched); i++) rows[i] = this.rows[i];
      }
    }
    page.keys.forEach((k, i) => (rows[block * blockSize + i] = k));
    this.rows = rows;
  }
}
