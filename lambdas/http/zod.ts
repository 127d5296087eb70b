/**
 * zod, the small build: `zod/v4-mini` with English messages, a third of the size
 * of the classic API in every Lambda bundle. Import validation helpers from here.
 */
import * as z from 'zod/v4-mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

export { z };
