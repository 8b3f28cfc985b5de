import { performance } from 'node:perf_hooks';
import { buildDeck } from '../main/deck/build-deck';
import { createExampleModel } from '../shared/model/example';
import type { Model } from '../shared/model/schema';
import { formatCount, median, type Timing } from './timing';

export const DECK_TARGET = { exampleMs: 1000, largeMs: 3000 };

type Report = (label: string, timing: Timing, targetMs?: number) => void;

/**
 * The client deck (every slide, every scenario): the example, and the 10,000-line, 10-scenario
 * model with uncertainty ranges on its headline scenario (so the risk slide runs its Monte
 * Carlo, as a real deck would). Each run builds the whole .pptx, charts, data sheets and notes.
 */
export async function benchDeck(large: Model, report: Report): Promise<void> {
  const example = createExampleModel('zh');
  const headline = large.scenarios[0]!;
  const ranged: Model = {
    ...large,
    scenarios: [
      {
        ...headline,
        uncertainty: [
          {
            input: 'growth',
            low: headline.volumeGrowth - 0.05,
            mostLikely: headline.volumeGrowth,
            high: headline.volumeGrowth + 0.05,
            distribution: 'triangular',
          },
          { input: 'discount', low: 0.05, mostLikely: 0.08, high: 0.12, distribution: 'pert' },
        ],
      },
      ...large.scenarios.slice(1),
    ],
  };
  await buildDeck(example); // warm-up: code loaded and compiled
  for (const [label, model, runs, target] of [
    ['deck export, the example (11 slides)', example, 10, DECK_TARGET.exampleMs],
    [`deck export, ${formatCount(large.costTree.length)} cost lines x ${large.scenarios.length} scenarios, with Monte Carlo`, ranged, 4, DECK_TARGET.largeMs],
  ] as const) {
    const times: number[] = [];
    let bytes = 0;
    let slides = 0;
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      const deck = await buildDeck(model);
      times.push(performance.now() - start);
      bytes = deck.data.length;
      slides = deck.slides;
    }
    report(`${label}, ${slides} slides, ${(bytes / 1024).toFixed(0)} KB`, { medianMs: median(times), minMs: Math.min(...times), runs }, target);
  }
}
