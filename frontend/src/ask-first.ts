// Imported by main.ts before anything else, so that it runs before the app's modules are
// evaluated: see lib/start.ts.
import { askFirst } from './lib/start';

askFirst();
