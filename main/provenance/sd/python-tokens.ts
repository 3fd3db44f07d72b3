/** Pieces joined into one string at a time: few enough to stay small, many enough that the joins are cheap. */
const PIECES_PER_BATCH = 4096;

/**
 * A copy of JSON text with Python's NaN and Infinity tokens (which json.dumps writes and JSON.parse refuses) made
 * null, built while the text is scanned. Keeping every token's position and every piece until the end cost hundreds
 * of bytes per token (8 MiB of "NaN," reached 800 MB); joined batch by batch, the copy stays about the text's size.
 */
export class PythonTokensAsNull {
  /** Tokens replaced so far. */
  count = 0;
  private copied = 0;
  private pieces: string[] = [];
  private readonly batches: string[] = [];

  constructor(private readonly text: string) {}

  /** The token of `length` characters at `start` becomes null. Called in text order. */
  replace(start: number, length: number): void {
    this.pieces.push(this.text.slice(this.copied, start), 'null');
    this.copied = start + length;
    this.count += 1;
    if (this.pieces.length >= PIECES_PER_BATCH) {
      this.batches.push(this.pieces.join(''));
      this.pieces = [];
    }
  }

  /** The text with every replaced token null; the text itself when there was none. */
  result(): string {
    if (this.count === 0) return this.text;
    this.pieces.push(this.text.slice(this.copied));
    this.batches.push(this.pieces.join(''));
    this.pieces = [];
    const joined = this.batches.join('');
    this.batches.length = 0;
    return joined;
  }
}
