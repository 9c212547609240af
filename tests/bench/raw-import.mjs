/** `tsx --import ./tests/bench/raw-import.mjs …`: registers raw-hooks.mjs before the bench's modules load. */
import { register } from 'node:module';

register('./raw-hooks.mjs', import.meta.url);
