/** The source of "now". Tests pass a clock they can move; the server uses the system clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class ManualClock implements Clock {
  private t: number;
  constructor(start: Date | string = "2026-01-01T00:00:00Z") {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
  set(to: Date | string): void {
    this.t = new Date(to).getTime();
  }
}

/**
 * The system clock moved forward by hand: the demo server's "what happens in 15 minutes?" for
 * browser journeys and training (VIGIL_CLOCK_CONTROL, demo network only). Time never goes back.
 */
export class OffsetClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    if (ms < 0) throw new Error("the clock only moves forward");
    this.offsetMs += ms;
  }
  get offset(): number {
    return this.offsetMs;
  }
}
