/** `npm run bench`: every benchmark in bench/, one after another (the hot reads seed `large` and take many minutes). */
await import('./bass-fit.js');
await import('./hot-reads.js');
await import('./segment-count.js');
