/** Minimal types of the `simulation` package (Insight Maker's engine), used by crisis.bench.ts; the package ships none. */
declare module 'simulation' {
  export class Model {
    constructor(config?: { timeStart?: number; timeLength?: number; timeStep?: number; timeUnits?: string; algorithm?: 'Euler' | 'RK4' });
    Stock(config: { name: string; initial: number | string }): unknown;
    Variable(config: { name: string; value: number | string }): unknown;
    Converter(config: { name: string; input: 'Time' | unknown; interpolation?: 'Discrete' | 'Linear'; values: { x: number; y: number }[] }): unknown;
    Flow(start: unknown, end: unknown, config: { name: string; rate: string }): unknown;
    Link(start: unknown, end: unknown): unknown;
    simulate(): { series(primitive: unknown): number[]; times(): number[] };
  }
}
