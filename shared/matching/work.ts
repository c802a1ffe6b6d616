/** Counts work in units (words read, typo forms built, edit-distance cells, name words scored). */
export class WorkMeter {
  used = 0;
  constructor(readonly limit = Number.POSITIVE_INFINITY) {}

  add(units: number): void {
    this.used += units;
  }

  get exhausted(): boolean {
    return this.used > this.limit;
  }
}
