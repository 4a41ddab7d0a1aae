import { generateSystem } from '../generate';

/** The generated system the benchmark synthesizes: LADING_BENCH_SERVICES services (10 by default). */
export default generateSystem(Number(process.env.LADING_BENCH_SERVICES ?? '10'));
