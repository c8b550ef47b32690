/**
 * Items 0..n-1 kept in lists by an integer count, with O(1) insert, remove, move and access to
 * the items of a given count: the data structure of Markowitz pivot searches (Duff, Erisman &
 * Reid, Direct Methods for Sparse Matrices, 2nd ed., sec. 10.2), which look at the sparsest rows
 * and columns first.
 */
/** Items 0..n-1 in lists by a count 0..maxCount, with O(1) insert, remove and move. */
export class CountBuckets {
  private readonly head: Int32Array;
  private readonly nextOf: Int32Array;
  private readonly prevOf: Int32Array;
  private readonly countOf: Int32Array;

  constructor(items: number, maxCount: number) {
    this.head = new Int32Array(maxCount + 2).fill(-1);
    this.nextOf = new Int32Array(items).fill(-1);
    this.prevOf = new Int32Array(items).fill(-1);
    this.countOf = new Int32Array(items).fill(-1);
  }

  insert(item: number, count: number): void {
    const c = Math.min(count, this.head.length - 1);
    this.countOf[item] = c;
    this.prevOf[item] = -1;
    this.nextOf[item] = this.head[c]!;
    if (this.head[c]! >= 0) this.prevOf[this.head[c]!] = item;
    this.head[c] = item;
  }

  remove(item: number): void {
    const c = this.countOf[item]!;
    if (c < 0) return;
    const p = this.prevOf[item]!;
    const nx = this.nextOf[item]!;
    if (p >= 0) this.nextOf[p] = nx;
    else this.head[c] = nx;
    if (nx >= 0) this.prevOf[nx] = p;
    this.countOf[item] = -1;
  }

  move(item: number, count: number): void {
    if (this.countOf[item]! < 0) return;
    this.remove(item);
    this.insert(item, count);
  }

  first(count: number): number {
    return count < this.head.length ? this.head[count]! : -1;
  }

  next(item: number): number {
    return this.nextOf[item]!;
  }
}
