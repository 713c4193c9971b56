/**
 * Times one Bass fit (fitBass) on a 60-period series with 5% seeded noise and prints the
 * median of many runs next to its goal. Run with `npx tsx bench/bass-fit.ts`.
 */
import { performance } from 'node:perf_hooks';
import { bassAdoptions, fitBass, forecastBass } from '../src/domain/bass.js';

const goalMs = 10;
const runs = 300;
const warmup = 30;

function seededNoise(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function timeMs(action: () => unknown): number[] {
  for (let i = 0; i < warmup; i++) action();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    action();
    samples.push(performance.now() - started);
  }
  return samples;
}

const noise = seededNoise(2024);
const series = bassAdoptions(60, 0.03, 0.38, 1000).map((s) => s * (1 + 0.05 * noise()));
const fit = fitBass(series);
if (!fit.ok) throw new Error(`the benchmark series did not fit: ${fit.reason}`);

const fitMs = median(timeMs(() => fitBass(series)));
const verdict = fitMs < goalMs ? 'OK' : 'TOO SLOW';
console.log(`fitBass, 60 periods: median ${fitMs.toFixed(3)} ms over ${runs} runs (goal < ${goalMs} ms) ${verdict}`);
const estimate = `p=${fit.p.toFixed(4)} q=${fit.q.toFixed(4)} m=${fit.m.toFixed(1)}`;
console.log(`  estimate ${estimate}, ${fit.iterations} iterations, start ${fit.start}`);

// For information: the bootstrap forecast refits 200 times; it has no goal of its own.
const forecastSamples: number[] = [];
for (let i = 0; i < 10; i++) {
  const started = performance.now();
  forecastBass(fit, 12);
  forecastSamples.push(performance.now() - started);
}
console.log(`forecastBass, 12 periods, 200 resamples: median ${median(forecastSamples).toFixed(1)} ms (no goal)`);
