// A file's lines with the derived forms the search compares: whitespace-free keys (optionally
// with secrets masked, like anchors are), an index from key to lines, and character bigrams.
// Everything is computed on first use and shared by all links into the same file.
import { maskSecrets } from '../secrets';
import { bigramsOf } from './similarity';

/** Lines compare equal when they differ only in whitespace. */
export function lineKey(line: string): string {
  return line.replace(/\s+/g, '');
}

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

class KeyView {
  readonly keys: string[];
  private index?: Map<string, number[]>;
  private readonly grams: (Uint32Array | undefined)[];

  constructor(lines: string[], masked: boolean) {
    this.keys = lines.map((l) => lineKey(masked ? maskSecrets(l) : l));
    this.grams = new Array<Uint32Array | undefined>(lines.length);
  }

  /** 1-based lines whose key is `key`. */
  linesWithKey(key: string): number[] {
    if (!this.index) {
      this.index = new Map();
      this.keys.forEach((k, i) => {
        const list = this.index!.get(k);
        if (list) {
          list.push(i + 1);
        } else {
          this.index!.set(k, [i + 1]);
        }
      });
    }
    return this.index.get(key) ?? [];
  }

  /** Sorted bigrams of a 1-based line's key. */
  gramsOf(line: number): Uint32Array {
    let g = this.grams[line - 1];
    if (!g) {
      g = bigramsOf(this.keys[line - 1]);
      this.grams[line - 1] = g;
    }
    return g;
  }
}

export class FileText {
  readonly lines: string[];
  private readonly views: { raw?: KeyView; masked?: KeyView } = {};

  constructor(text: string) {
    this.lines = splitLines(text);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** Keys as anchors store them: `masked` when the anchor has masked secrets in it. */
  view(masked: boolean): KeyView {
    const name = masked ? 'masked' : 'raw';
    return (this.views[name] ??= new KeyView(this.lines, masked));
  }
}

export type { KeyView };
