/** `npm run bench`: every benchmark in bench/, one after another (today: the hot reads). */
await import('./hot-reads.js');
