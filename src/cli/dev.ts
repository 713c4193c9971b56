// Runs the CLI from source (npm run dev): the same program bin/difusi.js runs from dist/.
import { main } from './main.js';

await main(process.argv);
